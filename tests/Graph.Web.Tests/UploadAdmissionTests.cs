using Graph.Web.Security;

namespace Graph.Web.Tests;

/// <summary>Uploads are read one at a time; a few wait their turn, in order, and one more than that is refused at once.</summary>
public sealed class UploadAdmissionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneUploadRunsTheQueueWaitsInOrderAndOneMoreIsRefused()
    {
        using var admission = new UploadAdmission();
        var running = await admission.EnterAsync(Cancel);
        Assert.True(running.IsAcquired);

        var waiting = Enumerable.Range(0, UploadAdmission.QueueLimit).Select(_ => admission.EnterAsync(Cancel).AsTask()).ToList();
        using (var refused = await admission.EnterAsync(Cancel))
            Assert.False(refused.IsAcquired);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        running.Dispose();
        using (var next = await waiting[0])
        {
            Assert.True(next.IsAcquired);
            Assert.All(waiting.Skip(1), w => Assert.False(w.IsCompleted));
        }
        foreach (var turn in waiting.Skip(1))
            using (var lease = await turn)
                Assert.True(lease.IsAcquired);
    }
}
