using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Graph.Extraction.Tests;

/// <summary>
/// CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so that time limits
/// measure the extractor's work, not how busy the shared machine is. Elsewhere it falls back to wall-clock time.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the test project for one call.
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    public static TimeSpan Measure(Action action)
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var before) == 0)
        {
            action();
            ClockGetTime(ClockThreadCpuTimeId, out var after);
            return TimeSpan.FromTicks(((after.Seconds - before.Seconds) * 1_000_000_000 + after.Nanoseconds - before.Nanoseconds) / 100);
        }
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
