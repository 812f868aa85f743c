namespace OomaPorting.Web.Data;

public enum AccountExportStatus
{
    Pending = 0,
    Ready = 1,
    Failed = 2,
}
