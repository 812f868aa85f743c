using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// The portal's writers take SQLite's one write lock in arrival order (<see cref="SqliteWriters"/>): a save waits for
/// the writer ahead of it, a transaction holds its turn until it ends, and nothing that does not write waits at all.
/// </summary>
public class SqliteWritersTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    private async Task<T> WithContextAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<string> KeyAsync() => WithContextAsync(db => Task.FromResult(SqliteWriters.KeyOf(db.Database.GetConnectionString()!)));

    private Task<int> CounterAsync(int year) => WithContextAsync(async db =>
        await db.ReferenceCounters.Where(c => c.Year == year).Select(c => c.LastValue).FirstOrDefaultAsync());

    private Task<int> SaveCounterAsync(int year, int value) => WithContextAsync(async db =>
    {
        db.ReferenceCounters.Add(new ReferenceCounter { Year = year, LastValue = value });
        return await db.SaveChangesAsync();
    });

    [SqliteFact]
    public async Task Writers_waiting_for_their_turn_are_let_in_first_come_first_served()
    {
        var key = $"order-{Guid.NewGuid()}";
        var first = await SqliteWriters.EnterAsync(key, CancellationToken.None);
        var order = new List<int>();
        var waiting = Enumerable.Range(1, 6).Select(async i =>
        {
            // Each call registers its wait before it returns: the six queue in this order.
            using var turn = await SqliteWriters.EnterAsync(key, CancellationToken.None);
            lock (order)
            {
                order.Add(i);
            }
        }).ToList();

        Assert.Empty(order);
        first.Dispose();
        await Task.WhenAll(waiting).WaitAsync(Long);

        Assert.Equal([1, 2, 3, 4, 5, 6], order);
    }

    [SqliteFact]
    public async Task A_save_waits_for_the_writer_ahead_and_goes_through_once_it_is_done()
    {
        var turn = await SqliteWriters.EnterAsync(await KeyAsync(), CancellationToken.None);
        var save = SaveCounterAsync(2901, 7);
        await Task.Delay(300);
        Assert.False(save.IsCompleted); // still waiting for the turn held above
        Assert.Equal(0, await CounterAsync(2901));

        turn.Dispose();
        await save.WaitAsync(Long);
        Assert.Equal(7, await CounterAsync(2901));
    }

    [SqliteFact]
    public async Task A_save_with_nothing_to_write_does_not_wait()
    {
        using var turn = await SqliteWriters.EnterAsync(await KeyAsync(), CancellationToken.None);
        var saved = await WithContextAsync(db => db.SaveChangesAsync()).WaitAsync(Long);
        Assert.Equal(0, saved);
    }

    [SqliteFact]
    public async Task A_write_transaction_holds_its_turn_until_it_commits_and_its_own_saves_do_not_wait_for_it()
    {
        var key = await KeyAsync();
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var transaction = await db.BeginWriteTransactionAsync();
        db.ReferenceCounters.Add(new ReferenceCounter { Year = 2902, LastValue = 1 });
        await db.SaveChangesAsync().WaitAsync(Long); // inside its own turn: no deadlock

        var next = SqliteWriters.EnterAsync(key, CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(next.IsCompleted);

        await transaction.CommitAsync();
        (await next.WaitAsync(Long)).Dispose();
        await transaction.DisposeAsync();
        Assert.Equal(1, await CounterAsync(2902));
    }

    [SqliteFact]
    public async Task A_write_transaction_disposed_without_a_commit_rolls_back_and_lets_the_next_writer_in()
    {
        var key = await KeyAsync();
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.BeginWriteTransactionAsync();
            db.ReferenceCounters.Add(new ReferenceCounter { Year = 2903, LastValue = 1 });
            await db.SaveChangesAsync();
        }

        (await SqliteWriters.EnterAsync(key, CancellationToken.None).AsTask().WaitAsync(Long)).Dispose();
        Assert.Equal(0, await CounterAsync(2903));
    }

    [SqliteFact]
    public async Task Many_concurrent_writers_all_get_through()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => SaveCounterAsync(3000 + i, i + 1)))).WaitAsync(Long);

        var saved = await WithContextAsync(db => db.ReferenceCounters.Where(c => c.Year >= 3000 && c.Year < 3040).CountAsync());
        Assert.Equal(40, saved);
    }

    [SqliteFact]
    public async Task A_turn_released_twice_lets_only_one_writer_in()
    {
        var key = $"twice-{Guid.NewGuid()}";
        var turn = SqliteWriters.Enter(key);
        turn.Dispose();
        turn.Dispose();

        using var second = SqliteWriters.Enter(key);
        using var stop = new CancellationTokenSource();
        var third = SqliteWriters.EnterAsync(key, stop.Token).AsTask();
        Assert.False(third.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }
}
