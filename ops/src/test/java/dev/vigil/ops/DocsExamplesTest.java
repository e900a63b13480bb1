package dev.vigil.ops;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.inventory.UserCrontabLine;
import dev.vigil.provisioning.role.RecipeInputs;
import dev.vigil.provisioning.role.Recipes;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.schedule.CrontabLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The examples in {@code docs/} and the README are test inputs, so a page that drifts from the code fails the
 * build: every inventory in a {@code yaml} fence goes through the real inventory loader; every {@code crontab}
 * fence is checked line by line with the cron rules, and the backup crontab must be what provisioning installs;
 * every {@code ops} command line (in {@code console}, {@code sh} and {@code crontab} fences) is parsed by the real
 * command line, and where its documented output needs no server (the cron tools, usage errors) it is run and
 * compared with the page.
 */
class DocsExamplesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> INVENTORY_KEYS = Set.of("ssh", "domains", "base", "secrets", "roles", "hosts");
    private static final Pattern KEY_FILE = Pattern.compile("[\\w./-]+\\.asc");

    /** A fenced block: where it starts (for messages), its info string and its lines. */
    record Fence(Path file, int line, String info, List<String> lines) {
        String where() {
            return REPOSITORY.relativize(file) + ":" + line;
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    static List<Fence> fences() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        pages.add(REPOSITORY.resolve("README.md"));
        List<Fence> fences = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher open = Pattern.compile("^( *)```(\\S*)\\s*$").matcher(lines.get(i));
                if (!open.matches()) {
                    continue;
                }
                String indent = open.group(1);
                List<String> body = new ArrayList<>();
                int start = i + 1;
                for (i++; i < lines.size() && !lines.get(i).equals(indent + "```"); i++) {
                    String l = lines.get(i);
                    body.add(l.startsWith(indent) ? l.substring(indent.length()) : l.strip());
                }
                fences.add(new Fence(page, start, open.group(2), body));
            }
        }
        return fences;
    }

    static List<Fence> fences(String info) throws IOException {
        return fences().stream().filter(f -> f.info().equals(info)).toList();
    }

    /** A YAML fence is an inventory when its first key is one of the inventory's top-level keys. */
    static boolean isInventory(Fence f) {
        return f.info().equals("yaml") && f.lines().stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .findFirst().map(l -> INVENTORY_KEYS.contains(l.replaceAll(":.*", ""))).orElse(false);
    }

    /** Writes the fence as ops.yaml into {@code dir}, with a public key file for every .asc file it names. */
    static Path inventoryFile(Path dir, Fence f) throws IOException {
        Matcher m = KEY_FILE.matcher(f.text());
        while (m.find()) {
            Path key = dir.resolve(m.group());
            Files.createDirectories(key.getParent());
            Files.writeString(key, "-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n-----END PGP PUBLIC KEY BLOCK-----\n");
        }
        String text = f.text().contains("\nhosts:") || f.text().startsWith("hosts:") ? f.text()
                : f.text() + "hosts: []\n";
        return Files.writeString(dir.resolve("ops.yaml"), text);
    }

    @Test
    void everyInventoryExampleLoads(@TempDir Path dir) throws IOException {
        List<Fence> inventories = fences().stream().filter(DocsExamplesTest::isInventory).toList();
        assertThat(inventories).as("inventory examples found").hasSizeGreaterThanOrEqualTo(2);
        for (Fence f : inventories) {
            Path folder = Files.createTempDirectory(dir, "inventory");
            try {
                InventoryLoader.load(inventoryFile(folder, f));
            } catch (RuntimeException e) {
                fail(f.where() + ": the inventory example is refused: " + e.getMessage());
            }
        }
    }

    /** The full example of docs/provisioning.md, loaded. */
    private static Inventory fullInventory(Path dir) throws IOException {
        Fence full = fences().stream().filter(DocsExamplesTest::isInventory)
                .filter(f -> f.file().endsWith("provisioning.md") && f.text().contains("backup_bucket")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/provisioning.md has no full inventory example"));
        return InventoryLoader.load(inventoryFile(dir, full));
    }

    @Test
    void theBackupCrontabIsTheOneProvisioningInstalls(@TempDir Path dir) throws IOException {
        Inventory inventory = fullInventory(dir);
        Host db = inventory.withRole(Role.DB).get(0);
        Secrets secrets = Secrets.of(Map.of("database.password", "x", "backup.s3_access_key", "x",
                "backup.s3_secret_key", "x", "backup.ping_url", "https://vigil.example.com/ping/0b6c",
                "backup.prune_ping_url", "https://vigil.example.com/ping/5a9f"));
        Path jar = Files.writeString(dir.resolve("ops.jar"), "a jar");
        String installed = Recipes.forHost(inventory, db, new RecipeInputs(secrets, Optional.of(jar))).stream()
                .filter(t -> t instanceof ManagedFile m && m.path().equals("/etc/cron.d/vigil-backup"))
                .map(t -> new String(((ManagedFile) t).content(), StandardCharsets.UTF_8)).findFirst()
                .orElseThrow(() -> new AssertionError("the db recipe installs no /etc/cron.d/vigil-backup"));
        List<Fence> documented = fences("crontab").stream().filter(f -> f.text().contains("ops backup run")).toList();
        assertThat(documented).as("backup crontab examples").isNotEmpty();
        for (Fence f : documented) {
            assertThat(f.text()).as(f.where() + " shows what provisioning writes from docs/provisioning.md's "
                    + "inventory").isEqualTo(installed);
        }
    }

    private static final Pattern JOB = Pattern.compile("^(\\S+\\s+){5}(\\S+)\\s+\\S.*");

    /**
     * A crontab of /etc/cron.d (a user name after the schedule) rather than a user's: every job line's sixth
     * word is a user name, not a command path. Good enough for the pages' examples, which say which they are.
     */
    static boolean isSystemCrontab(Fence f) {
        List<Matcher> jobs = f.lines().stream().filter(l -> !l.isBlank() && !l.startsWith("#")
                && !l.matches("[A-Z_]+=.*")).map(JOB::matcher).toList();
        return !jobs.isEmpty() && jobs.stream().allMatch(m -> m.matches() && m.group(2).matches("[a-z_][a-z0-9_-]*"));
    }

    @Test
    void everyCrontabLineIsValid() throws IOException {
        for (Fence f : fences("crontab")) {
            boolean system = isSystemCrontab(f);
            for (String line : f.lines()) {
                try {
                    if (!system) {
                        UserCrontabLine.check(line);
                    } else if (!line.isBlank() && !line.startsWith("#") && !line.matches("[A-Z_]+=.*")) {
                        CrontabLine.parseSystem(line);
                    }
                } catch (IllegalArgumentException e) {
                    fail(f.where() + ": \"" + line + "\": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void everyCommandLineParses() throws IOException {
        int checked = 0;
        for (Fence f : fences()) {
            for (Example e : examples(f)) {
                checked++;
                CommandLine cl = Ops.commandLine();
                try {
                    cl.parseArgs(e.args().toArray(String[]::new));
                } catch (CommandLine.ParameterException x) {
                    if (e.expected().stream().noneMatch(l -> l.startsWith("error: "))) {
                        fail(e.where() + ": 'ops " + String.join(" ", e.args()) + "' does not parse: "
                                + x.getMessage());
                    }
                }
            }
        }
        assertThat(checked).as("ops command lines found in the docs").isGreaterThanOrEqualTo(30);
    }

    @Test
    void documentedOutputThatNeedsNoServerIsWhatOpsPrints() throws IOException {
        int compared = 0;
        for (Fence f : fences("console")) {
            for (Example e : examples(f)) {
                boolean cron = e.args().get(0).equals("cron")
                        && (e.args().contains("explain") || e.args().contains("--from") || e.expected().stream()
                        .anyMatch(l -> l.startsWith("error: ")));
                boolean usageError = e.expected().size() == 1 && e.expected().get(0).startsWith("error: ")
                        && !parses(e.args());
                if (!cron && !usageError) {
                    continue;
                }
                OpsInProcess cli = new OpsInProcess();
                int status = cli.run(e.args().toArray(String[]::new));
                String expected = String.join("\n", e.expected()) + "\n";
                assertThat(cli.out() + cli.err()).as(e.where() + ": ops " + String.join(" ", e.args()))
                        .isEqualTo(expected);
                assertThat(status).as(e.where()).isEqualTo(expected.startsWith("error: ") ? 2 : 0);
                compared++;
            }
        }
        assertThat(compared).as("examples compared with their output").isGreaterThanOrEqualTo(5);
    }

    private static boolean parses(List<String> args) {
        try {
            Ops.commandLine().parseArgs(args.toArray(String[]::new));
            return true;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /** One {@code ops} command line of a page, with the output the page shows after it (console fences). */
    record Example(String where, List<String> args, List<String> expected) {
    }

    static List<Example> examples(Fence f) {
        List<Example> examples = new ArrayList<>();
        List<String> lines = f.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = i;
            String command;
            switch (f.info()) {
                case "console" -> {
                    if (!line.startsWith("$ ")) {
                        continue;
                    }
                    command = line.substring(2);
                }
                case "sh" -> {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    command = line.replaceAll("\\s+#.*$", "");
                }
                case "crontab" -> {
                    if (line.isBlank() || line.startsWith("#") || line.matches("[A-Z_]+=.*")) {
                        continue;
                    }
                    String[] fields = line.strip().split("\\s+", isSystemCrontab(f) ? 7 : 6);
                    command = fields[fields.length - 1];
                }
                default -> {
                    continue;
                }
            }
            while (command.endsWith("\\") && i + 1 < lines.size()) {
                command = command.substring(0, command.length() - 1) + " " + lines.get(++i).strip();
            }
            List<String> expected = new ArrayList<>();
            if (f.info().equals("console")) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("$ "); j++) {
                    expected.add(lines.get(j));
                }
            }
            for (List<String> args : opsCommands(ShellWords.split(command))) {
                examples.add(new Example(f.where() + " (+" + at + ")", args, expected));
            }
        }
        return examples;
    }

    /** The {@code ops} invocations in a shell command: after pipes and {@code &&}, and inside {@code ops run}. */
    static List<List<String>> opsCommands(List<String> words) {
        List<List<String>> commands = new ArrayList<>();
        List<String> segment = new ArrayList<>();
        for (String w : append(words, "|")) {
            if (!w.equals("|") && !w.equals("&&") && !w.equals(";") && !w.equals("||")) {
                segment.add(w);
                continue;
            }
            while (!segment.isEmpty() && segment.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                segment.remove(0); // VAR=value before the command
            }
            segment.removeIf(s -> s.matches("\\d*[<>].+")); // redirections like 3<passphrase.txt
            int start = -1;
            if (!segment.isEmpty() && (segment.get(0).equals("ops") || segment.get(0).equals("bin/ops"))) {
                start = 1;
            } else if (segment.size() > 2 && segment.get(0).equals("java") && segment.get(1).equals("-jar")
                    && segment.get(2).endsWith("ops.jar")) {
                start = 3;
            }
            if (start > 0) {
                List<String> args = List.copyOf(segment.subList(start, segment.size()));
                commands.add(args);
                int dashes = args.indexOf("--");
                if (!args.isEmpty() && args.get(0).equals("run") && dashes >= 0) {
                    commands.addAll(opsCommands(args.subList(dashes + 1, args.size())));
                }
            }
            segment = new ArrayList<>();
        }
        return commands;
    }

    private static List<String> append(List<String> words, String last) {
        List<String> all = new ArrayList<>(words);
        all.add(last);
        return all;
    }

    @Test
    void shellWordsAreSplitAsShDoes() {
        assertThat(ShellWords.split("ops exec app1,db -- stat -c \"'%U:%G %a'\" /etc/vigil/host.env"))
                .containsExactly("ops", "exec", "app1,db", "--", "stat", "-c", "'%U:%G %a'", "/etc/vigil/host.env");
        assertThat(ShellWords.split("pwgen -s 32 1 | ops secrets set database.password"))
                .containsExactly("pwgen", "-s", "32", "1", "|", "ops", "secrets", "set", "database.password");
        assertThat(ShellWords.split(". /etc/vigil/backup.env && ops run --ping-url \"$URL\" -- 'a b'"))
                .containsExactly(".", "/etc/vigil/backup.env", "&&", "ops", "run", "--ping-url", "$URL", "--", "a b");
        assertThat(opsCommands(ShellWords.split("X=1 ops run --ping-url u -- ops backup prune --keep-days 60")))
                .containsExactly(List.of("run", "--ping-url", "u", "--", "ops", "backup", "prune", "--keep-days", "60"),
                        List.of("backup", "prune", "--keep-days", "60"));
    }

    /** Words of a shell command line as sh splits them (quotes, backslashes; |, && and ; as words). */
    static final class ShellWords {

        private ShellWords() {
        }

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t') {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    continue;
                }
                if (word == null && (c == '|' || c == ';' || c == '&' && line.startsWith("&&", i))) {
                    String op = c == '&' ? "&&" : c == '|' && line.startsWith("||", i) ? "||" : String.valueOf(c);
                    words.add(op);
                    i += op.length() - 1;
                    continue;
                }
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    end = end < 0 ? line.length() : end; // unterminated: the rest of the line
                    word.append(line, i + 1, end);
                    i = end;
                } else if (c == '"') {
                    for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
                        if (line.charAt(i) == '\\' && i + 1 < line.length()
                                && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                            i++;
                        }
                        word.append(line.charAt(i));
                    }
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
