import dev.vigil.backup.RetryPolicy;
import dev.vigil.backup.store.ObjectUpload;
import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.s3.S3Config;

import java.io.InputStream;
import java.net.URI;

/**
 * The uploader at the end of the shell pipeline: stdin into one multipart upload (same part size and
 * parallelism as Vigil), so that the comparison is about pg_dump | gpg against Vigil's in-process encryption.
 * Usage: ... | java -cp CP BenchUpload.java ENDPOINT BUCKET KEY
 */
public class BenchUpload {

    public static void main(String[] args) throws Exception {
        S3Config s3 = new S3Config(URI.create(args[0]), "us-east-1", args[1], System.getenv("BENCH_S3_IDENTITY"),
                System.getenv("BENCH_S3_CREDENTIAL"), true);
        try (S3ObjectStore store = S3ObjectStore.open(s3, RetryPolicy.DEFAULT);
             ObjectUpload upload = store.startUpload(args[2])) {
            byte[] buf = new byte[1 << 16];
            InputStream in = System.in;
            int n;
            while ((n = in.read(buf)) >= 0) {
                upload.write(buf, 0, n);
            }
            System.out.println("pipeline_encrypted_bytes=" + upload.complete());
        }
    }
}
