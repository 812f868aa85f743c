using SkiaSharp;

namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// Re-encodes an uploaded image with SkiaSharp (ADR-011): decoded to pixels, turned upright, encoded afresh in its
/// own format. What was not a picture goes: EXIF (GPS position, camera), comments, anything appended after the image
/// (a JPEG that is also an HTML page). At most <see cref="MaxConcurrent"/> images are decoded at once and none above
/// <see cref="MaxPixels"/>, so the portal's memory stays bounded however many are uploaded together.
/// </summary>
public sealed class ImageCleaner : IDisposable
{
    /// <summary>40 megapixels (160 MB of pixels): a page scanned at 600 dpi is 35.</summary>
    public const long MaxPixels = 40_000_000;

    public const int MaxConcurrent = 2;

    private const int JpegQuality = 90;

    private readonly SemaphoreSlim _gate = new(MaxConcurrent, MaxConcurrent);

    /// <summary>The cleaned image, or the refusal's code (<c>Document.Unreadable</c>, <c>Document.ImageTooLarge</c>).</summary>
    public async Task<(byte[]? Content, string? Problem)> CleanAsync(byte[] image, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Clean(image, contentType);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static (byte[]? Content, string? Problem) Clean(byte[] image, string contentType)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        var expected = contentType == SupportingDocument.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        if (codec is null || codec.EncodedFormat != expected || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return (null, "Document.Unreadable");
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return (null, "Document.ImageTooLarge");
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            expected == SKEncodedImageFormat.Png ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return (null, "Document.Unreadable");
        }

        // Most pictures are upright already: encoded as decoded, without a second copy of their pixels.
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Upright(decoded, codec.EncodedOrigin);
        using var encoded = (turned ?? decoded).Encode(expected, JpegQuality);
        return encoded is null ? (null, "Document.Unreadable") : (encoded.ToArray(), null);
    }

    /// <summary>The picture as the camera meant it (the EXIF orientation is applied, since EXIF itself is dropped).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swap ? source.Height : source.Width;
        var height = swap ? source.Width : source.Height;
        var target = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: // mirrored
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight: // upside down
                canvas.RotateDegrees(180, width / 2f, height / 2f);
                break;
            case SKEncodedOrigin.BottomLeft: // flipped
                canvas.Translate(0, height);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop: // transposed: a quarter turn clockwise, then mirrored
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightTop: // a quarter turn clockwise
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom: // transversed: a quarter turn anticlockwise, then mirrored
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
            case SKEncodedOrigin.LeftBottom: // a quarter turn anticlockwise
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
        }

        canvas.DrawBitmap(source, 0, 0);
        return target;
    }
}
