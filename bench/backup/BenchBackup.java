import dev.vigil.backup.BackupResult;
import dev.vigil.backup.BackupRunner;
import dev.vigil.backup.ConsoleProgress;
import dev.vigil.backup.RetryPolicy;
import dev.vigil.backup.pg.PgBinaries;
import dev.vigil.backup.pg.PgServer;
import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Encryptor;
import dev.vigil.s3.S3Config;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Vigil's side of the benchmark: one backup of DATABASE into BUCKET on the S3 endpoint, encrypted to
 * PUBLIC_KEY_FILE, through the same BackupRunner the ops command uses. Prints the figures as KEY=VALUE lines.
 * Run by run.sh with the module's classpath: java -Xmx256m -cp CP BenchBackup.java ENDPOINT BUCKET KEYFILE DB
 */
public class BenchBackup {

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String bucket = args[1];
        Path publicKey = Path.of(args[2]);
        String database = args[3];
        S3Config s3 = new S3Config(endpoint, "us-east-1", bucket, System.getenv("BENCH_S3_IDENTITY"),
                System.getenv("BENCH_S3_CREDENTIAL"), true);
        Postgres postgres = new Postgres(PgServer.fromEnvironment(), PgBinaries.onPath());
        try (S3ObjectStore store = S3ObjectStore.open(s3, RetryPolicy.DEFAULT)) {
            BackupRunner runner = new BackupRunner(postgres, store, "bench", Encryptor.forKeyFiles(List.of(publicKey)));
            BackupResult result = runner.run(database, VigilCheck.none(),
                    new ConsoleProgress(System.err, false, Duration.ofSeconds(10)));
            double seconds = result.manifest().durationMillis() / 1000.0;
            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("vigil_object=" + result.key().objectKey());
            System.out.println("vigil_dump_bytes=" + result.manifest().dumpSize());
            System.out.println("vigil_encrypted_bytes=" + result.manifest().size());
            System.out.println(String.format(Locale.ROOT, "vigil_seconds=%.2f", seconds));
            System.out.println(String.format(Locale.ROOT, "vigil_mb_per_s=%.1f",
                    result.manifest().dumpSize() / 1e6 / seconds));
            System.out.println("vigil_heap_peak_mb=" + heapPeak / (1 << 20));
            System.out.println("vigil_rss_peak_mb=" + vmHwmKiB() / 1024);
            System.out.println("vigil_max_heap_mb=" + Runtime.getRuntime().maxMemory() / (1 << 20));
        }
    }

    /** The process's peak resident set size, as the kernel counts it. */
    private static long vmHwmKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
