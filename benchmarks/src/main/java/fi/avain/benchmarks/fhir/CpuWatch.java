package fi.avain.benchmarks.fhir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CPU used over a measured loop, from Linux's {@code /proc}: named groups of processes (the server by
 * {@code --watch=server:<pid>}; its PostgreSQL backends by application name, looked up at the start and
 * the end so a connection the pool opens meanwhile counts too), the driver itself, and the whole machine.
 * On a shared machine this says what one request cost, whatever else ran.
 */
final class CpuWatch {
    private final Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
    private final Map<String, Map<Long, Long>> start = new HashMap<>();
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
                groups.put(parts[0], () -> pids);
            }
        }
        groups.put("driver", () -> List.of(ProcessHandle.current().pid()));
    }

    /** Also watches the PostgreSQL backends of connections named {@code application} (as "postgres"). */
    CpuWatch backends(String dbUrl, String dbUser, String application) {
        if (dbUrl != null && application != null) {
            groups.put("postgres", () -> backendPids(dbUrl, dbUser, application));
        }
        return this;
    }

    void start() {
        groups.forEach((name, pids) -> {
            Map<Long, Long> ticks = new HashMap<>();
            pids.get().forEach(pid -> ticks.put(pid, ticks(pid)));
            start.put(name, ticks);
        });
        machineStart = machine();
        startNanos = System.nanoTime();
    }

    /** Per group: cores used over the loop and ms of CPU per request; the machine's busy cores and the rest. */
    Map<String, Object> stop(int requests) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machine = machine();
        Map<String, Object> out = new LinkedHashMap<>();
        double watched = 0;
        for (Map.Entry<String, Supplier<List<Long>>> group : groups.entrySet()) {
            Map<Long, Long> before = start.get(group.getKey());
            Set<Long> pids = new HashSet<>(before.keySet());
            pids.addAll(group.getValue().get());
            long used = 0;
            for (long pid : pids) {
                long now = ticks(pid);
                // One that has gone meanwhile (a closed connection's backend) is not counted.
                used += now < 0 ? 0 : now - before.getOrDefault(pid, 0L);
            }
            double cpu = used / (double) ticksPerSecond;
            watched += cpu / seconds;
            out.put(group.getKey() + "Cores", round(cpu / seconds));
            out.put(group.getKey() + "MsPerRequest", round(cpu * 1000 / requests));
        }
        long busy = machine[0] - machineStart[0];
        long all = machine[1] - machineStart[1];
        double busyCores = all == 0 ? 0 : busy / (double) all * Runtime.getRuntime().availableProcessors();
        out.put("machineBusyCores", round(busyCores));
        // Everything else: other processes on the machine (a shared one), other PostgreSQL work, the kernel's.
        out.put("otherCores", round(Math.max(0, busyCores - watched)));
        out.put("windowSeconds", round(seconds));
        return out;
    }

    /** A process's user and system ticks so far; -1 when it is gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which may hold spaces: utime and stime are the 14th and 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<Long> backendPids(String dbUrl, String dbUser, String application) {
        List<Long> pids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "");
             PreparedStatement query = db.prepareStatement(
                     "select pid from pg_stat_activity where application_name = ?")) {
            query.setString(1, application);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the server's PostgreSQL backends: " + e.getMessage(), e);
        }
        return pids;
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
