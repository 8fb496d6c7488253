package fi.avain.benchmarks.fhir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU used over a measured loop, from Linux's {@code /proc}: named groups of processes ({@code --watch=
 * server:123,postgres:456+457}), the driver itself, and the whole machine. On a shared machine this says
 * what one request cost, whatever else ran.
 */
final class CpuWatch {
    private final Map<String, List<Long>> groups = new LinkedHashMap<>();
    private final Map<String, Long> start = new LinkedHashMap<>();
    private final long ticksPerSecond;
    private long[] machineStart;
    private long startNanos;

    CpuWatch(String spec, long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
        if (spec != null && !spec.isBlank()) {
            for (String group : spec.split(",")) {
                String[] parts = group.split(":", 2);
                List<Long> pids = new ArrayList<>();
                if (parts.length == 2) {
                    for (String pid : parts[1].split("\\+")) {
                        if (!pid.isBlank()) {
                            pids.add(Long.parseLong(pid.strip()));
                        }
                    }
                }
                groups.put(parts[0], pids);
            }
        }
        groups.put("driver", List.of(ProcessHandle.current().pid()));
    }

    void start() {
        groups.forEach((name, pids) -> start.put(name, ticks(pids)));
        machineStart = machine();
        startNanos = System.nanoTime();
    }

    /** Per group: cores used over the loop and ms of CPU per request; and the machine's busy cores. */
    Map<String, Object> stop(int requests) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        double watched = 0;
        for (Map.Entry<String, List<Long>> group : groups.entrySet()) {
            double cpu = (ticks(group.getValue()) - start.get(group.getKey())) / (double) ticksPerSecond;
            watched += cpu / seconds;
            out.put(group.getKey() + "Cores", round(cpu / seconds));
            out.put(group.getKey() + "MsPerRequest", round(cpu * 1000 / requests));
        }
        long[] machine = machine();
        long busy = machine[0] - machineStart[0];
        long all = machine[1] - machineStart[1];
        double busyCores = all == 0 ? 0 : busy / (double) all * Runtime.getRuntime().availableProcessors();
        out.put("machineBusyCores", round(busyCores));
        // Everything else: other processes on the machine (a shared one), other PostgreSQL work, the kernel's.
        out.put("otherCores", round(Math.max(0, busyCores - watched)));
        out.put("windowSeconds", round(seconds));
        return out;
    }

    private static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // Fields after the command name, which may hold spaces: utime and stime are the 14th and 15th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // a process that has gone meanwhile (a closed backend) counts nothing
            }
        }
        return total;
    }

    /** Busy and total ticks of all CPUs: user, nice, system, irq, softirq, steal are busy; idle, iowait not. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return new long[] {busy, busy + Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
