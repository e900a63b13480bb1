package dev.vigil.ops;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded {@code ops.jar} run as cron runs it: a child process with its settings in the environment. */
public final class OpsProcess {

    public record Result(int status, String out, String err) {
    }

    private OpsProcess() {
    }

    public static Path jar() {
        return Path.of("target", "ops.jar").toAbsolutePath();
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    public static Result run(Path work, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return exec(work, env, command(args));
    }

    /** Like {@link #run}, with {@code stdin} as the command's standard input. */
    public static Result runWithInput(Path work, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        Path in = Files.createTempFile(work, "in", ".txt");
        Files.writeString(in, stdin);
        try {
            return exec(work, env, command(args), in.toFile());
        } finally {
            Files.delete(in);
        }
    }

    public static Result exec(Path work, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        return exec(work, env, command, new File("/dev/null"));
    }

    private static Result exec(Path work, Map<String, String> env, List<String> command, File stdin)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(stdin));
        pb.environment().keySet().removeIf(k -> k.startsWith("VIGIL_BACKUP_") || k.startsWith("VIGIL_SECRETS_")
                || k.equals("EDITOR") || k.equals("VISUAL"));
        String password = System.getenv("VIGIL_TEST_DB_PASSWORD");
        if (password != null) {
            pb.environment().put("PGPASSWORD", password); // the tests' PostgreSQL, as bin/test set it up
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("ops finished within 300 s").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
