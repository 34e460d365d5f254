package city.twofour.common.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import city.twofour.common.Console;
import city.twofour.common.DataDictionary;
import city.twofour.common.KilledRuns;
import city.twofour.common.SingleRunLock;
import org.flywaydb.core.Flyway;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The commands that need the database: migrate, run, jobs, restart and demo.
 */
@Component
public class JobCommand {

    /** Each run of a job gets a new instance; a failed run is resumed instead when asked with the same parameters. */
    static final String RUN_ID = "run.id";

    /** The highest run id of a job so far, over all its runs: the last may have none (another job or a test started it). */
    static final String LAST_RUN_ID = """
            SELECT coalesce(max(p.parameter_value::bigint), 0)
              FROM ops.batch_job_execution_params p
              JOIN ops.batch_job_execution e ON e.job_execution_id = p.job_execution_id
              JOIN ops.batch_job_instance i ON i.job_instance_id = e.job_instance_id
             WHERE i.job_name = ? AND p.parameter_name = 'run.id'
            """;

    enum Kind {
        MIGRATE("migrate", """
                Usage: twofour migrate

                Applies the migrations in schemas/migration that the database lacks (as the owner role).
                """),
        RUN("run", """
                Usage: twofour run JOB [key=value ...]

                Runs JOB with the given parameters; paths are taken relative to the current directory.
                If the last run of JOB with the same parameters failed, it is resumed where it stopped.
                A run that was killed (kill -9, power loss) still shows as running; when no process runs
                it (its run lock is free) it is marked failed, with the jobs it was running, and then
                resumed the same way. While a run of JOB is going, another does nothing and fails.
                Exit code 0 when the job completed, 1 when it failed.

                Jobs:
                  load-grids divisions=CSV grids=GEOJSON|SHP [accept-topology=true]
                  import-feed feed=NAME file=PATH [replaces=FILE_NAME]
                      PATH inside the inbox (var/inbox); replaces= names the file a correction replaces
                  load-addresses file=PATH [retire-missing=true]
                  merge-addresses
                  nightly
                  merge-people
                  merge-units
                  merge-facilities
                  merge-buildings
                """),
        JOBS("jobs", """
                Usage: twofour jobs [--limit N]

                Lists the most recent job executions (default 20): id, job, status, start, duration,
                records read, written and rejected (skipped), and the exit message of failed ones.
                """),
        RESTART("restart", """
                Usage: twofour restart EXECUTION_ID

                Resumes a failed or stopped job execution where it stopped: completed steps are not run
                again and a step resumes after its last committed chunk. An execution that a killed
                process left running is marked failed first, when no process runs it any more.
                """),
        DICTIONARY("dictionary", """
                Usage: twofour dictionary [--out FILE]

                Writes the data dictionary of the master schema (tables, views, columns, meanings and the
                change feed's contract) as Markdown, from the schema's comments; the committed copy is
                schemas/DATA-DICTIONARY.md.
                """),
        DAEMON("daemon", """
                Usage: twofour daemon

                Stays in the foreground and starts the nightly run at the times of the cron expression
                twofour.nightly.cron (default 0 0 2 * * *: every day at 02:00). A run still going when the
                next is due is not doubled: the second waits for the next time. Stop it with Ctrl-C or
                SIGTERM; a run killed half way resumes at the next start. To let cron or systemd start
                runs instead, see README.md.
                """),
        DEMO("demo", """
                Usage: twofour demo [--samples DIR]

                Loads the committed sample city's map (samples/tiny: load-grids), delivers its feeds
                (samples/tiny/feeds) into the inbox, runs the nightly run on them and lists the executions.
                --samples DIR takes another sample city instead, e.g. one made by
                `twofour samples generate --scale demo --out DIR`.
                """);

        private final String word;
        private final String help;

        Kind(String word, String help) {
            this.word = word;
            this.help = help;
        }

        String help() {
            return help;
        }

        static Kind of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return kind;
                }
            }
            throw new UsageException("unknown command '" + word + "'");
        }
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final List<Job> jobs;
    private final JobHistory history;
    private final SingleRunLock runLock;
    private final KilledRuns killedRuns;
    private final Flyway flyway;
    private final DataDictionary dictionary;
    private final JdbcTemplate jdbc;
    private final String nightlyCron;
    private final Path home;
    private final Path inbox;

    public JobCommand(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, JobHistory history,
                      SingleRunLock runLock, Flyway flyway, JdbcTemplate jdbc, @Value("${TWOFOUR_HOME:.}") String home, @Value("${twofour.inbox}") Path inbox,
                      @Value("${twofour.nightly.cron}") String nightlyCron) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.history = history;
        this.runLock = runLock;
        this.killedRuns = new KilledRuns(jobOperator, jobRepository);
        this.flyway = flyway;
        this.dictionary = new DataDictionary(jdbc);
        this.jdbc = jdbc;
        this.home = Path.of(home);
        this.inbox = inbox;
        this.nightlyCron = nightlyCron;
    }

    int execute(Kind kind, List<String> args) {
        return switch (kind) {
            case MIGRATE -> migrate(args);
            case RUN -> {
                if (args.isEmpty()) {
                    throw new UsageException("run needs a job name");
                }
                yield run(args.get(0), parameters(args.subList(1, args.size()))) ? 0 : 1;
            }
            case JOBS -> {
                history.print(limit(args));
                yield 0;
            }
            case RESTART -> restart(executionId(args)) ? 0 : 1;
            case DEMO -> demo(samplesDirectory(args));
            case DAEMON -> daemon();
            case DICTIONARY -> dictionary(args);
        };
    }

    private int migrate(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("migrate takes no arguments");
        }
        // Boot has already migrated on start; this confirms the state.
        var info = flyway.info();
        Console.say("schema at version %s, %d migrations applied, %d pending",
                info.current() == null ? "none" : info.current().getVersion(), info.applied().length, info.pending().length);
        return 0;
    }

    /**
     * Starts a job, or resumes its last run when that failed or was killed with the same parameters; true when it
     * completed. The job's run lock is held from the decision to the end of the run, so that no other process can
     * take this run for a killed one.
     */
    boolean run(String jobName, Map<String, String> requested) {
        Job job = job(jobName);
        try (SingleRunLock.Held lock = runLock.hold(jobName)) {
            killedRuns.markFailed(jobName);
            return runHoldingLock(job, requested);
        }
    }

    private boolean runHoldingLock(Job job, Map<String, String> requested) {
        String jobName = job.getName();
        JobInstance lastInstance = jobRepository.getLastJobInstance(jobName);
        JobExecution last = lastInstance == null ? null : jobRepository.getLastJobExecution(lastInstance);
        if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)
                && requested.equals(userParameters(last.getJobParameters()))) {
            return resume(last);
        }
        long runId = jdbc.queryForObject(LAST_RUN_ID, Long.class, jobName) + 1;
        JobParametersBuilder parameters = new JobParametersBuilder();
        requested.forEach(parameters::addString);
        parameters.addLong(RUN_ID, runId);
        try {
            return report(jobOperator.start(job, parameters.toJobParameters()));
        } catch (org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            throw new UsageException(jobName + ": " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException(jobName + " could not start: " + e.getMessage(), e);
        }
    }

    private boolean restart(long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (execution == null) {
            throw new UsageException("there is no job execution " + executionId);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new UsageException("execution " + executionId + " has completed; there is nothing to resume");
        }
        String topJob = killedRuns.topJobName(execution);
        try (SingleRunLock.Held lock = runLock.hold(topJob)) {
            killedRuns.markFailed(topJob);
            return resume(jobRepository.getJobExecution(executionId));
        }
    }

    private boolean resume(JobExecution execution) {
        Console.say("%s: resuming execution %d, which %s", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getStatus().name().toLowerCase());
        try {
            return report(jobOperator.restart(execution));
        } catch (Exception e) {
            throw new IllegalStateException("execution " + execution.getId() + " cannot be resumed: " + e.getMessage(), e);
        }
    }

    private int daemon() {
        CronExpression schedule = CronExpression.parse(nightlyCron);
        while (true) {
            LocalDateTime next = schedule.next(LocalDateTime.now());
            Console.say("daemon: next nightly run at %s (%s)", next.withNano(0), nightlyCron);
            try {
                Thread.sleep(Math.max(0, Duration.between(LocalDateTime.now(), next).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            try {
                run("nightly", Map.of());
            } catch (RuntimeException e) {
                System.err.println("twofour: nightly run failed: " + ErrorMessages.oneLine(e));
            }
        }
    }

    private int dictionary(List<String> args) {
        String markdown = dictionary.markdown();
        if (args.isEmpty()) {
            Console.say("%s", markdown);
        } else if (args.size() == 2 && args.get(0).equals("--out")) {
            try {
                Files.writeString(Path.of(args.get(1)), markdown);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + args.get(1), e);
            }
            Console.say("data dictionary written to %s", args.get(1));
        } else {
            throw new UsageException("dictionary takes only --out FILE");
        }
        return 0;
    }

    private Path samplesDirectory(List<String> args) {
        if (args.isEmpty()) {
            return home.resolve("samples/tiny").toAbsolutePath().normalize();
        }
        if (args.size() != 2 || !args.get(0).equals("--samples")) {
            throw new UsageException("demo takes only --samples DIR");
        }
        Path samples = Path.of(args.get(1)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(samples.resolve("grids.geojson")) || !Files.isDirectory(samples.resolve("feeds"))) {
            throw new UsageException(samples + " is not a sample city: it needs grids.geojson, divisions.csv and feeds/");
        }
        return samples;
    }

    /** Delivers a sample city's feeds into the inbox, as the departments would, and runs the pipeline on them. */
    private int demo(Path samples) {
        deliver(samples.resolve("feeds"));
        boolean ok = run("load-grids", Map.of(
                "divisions", samples.resolve("divisions.csv").toString(),
                "grids", samples.resolve("grids.geojson").toString()))
                && run("nightly", Map.of());
        Console.say("");
        history.print(5);
        return ok ? 0 : 1;
    }

    private void deliver(Path feeds) {
        try (var files = Files.walk(feeds)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path delivered = inbox.resolve(feeds.relativize(file).toString());
                Files.createDirectories(delivered.getParent());
                Files.copy(file, delivered, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot deliver the sample feeds into " + inbox, e);
        }
        Console.say("sample feeds delivered into %s", inbox);
    }

    private boolean report(JobExecution execution) {
        String name = execution.getJobInstance().getJobName();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Console.say("%s: completed (execution %d)", name, execution.getId());
            return true;
        }
        var error = execution.getAllFailureExceptions().stream().findFirst();
        String why = error.map(ErrorMessages::oneLine).orElseGet(() -> lastStepExitDescription(execution));
        if (why.contains(JobHistory.DELEGATE_FAILED)) {
            why = history.failureOfRunsStarted(execution.getJobInstance()).orElse(why);
        }
        System.err.printf("twofour: %s %s (execution %d): %s%n", name, execution.getStatus().name().toLowerCase(),
                execution.getId(), why);
        if (error.isPresent()) {
            System.err.printf("  fix the cause, then resume with: twofour restart %d%n", execution.getId());
        }
        return false;
    }

    /** Why a job that failed without an error stopped: a step that refused to go on says so in its exit status. */
    private static String lastStepExitDescription(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .max(java.util.Comparator.comparingLong(org.springframework.batch.core.step.StepExecution::getId))
                .map(step -> step.getExitStatus().getExitDescription())
                .orElse(execution.getExitStatus().getExitDescription());
    }

    private Job job(String name) {
        return jobs.stream().filter(job -> job.getName().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown job '" + name + "'; jobs: "
                        + jobs.stream().map(Job::getName).sorted().collect(Collectors.joining(", "))));
    }

    private static Map<String, String> userParameters(JobParameters parameters) {
        return parameters.parameters().stream()
                .filter(p -> !p.name().equals(RUN_ID))
                .collect(Collectors.toMap(p -> p.name(), p -> String.valueOf(p.value())));
    }

    /** Parses key=value words; a value naming an existing file or folder becomes its absolute path. */
    static Map<String, String> parameters(List<String> words) {
        Map<String, String> parameters = new java.util.TreeMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("expected key=value, got '" + word + "'");
            }
            String value = word.substring(equals + 1);
            Path path = Path.of(value);
            parameters.put(word.substring(0, equals),
                    Files.exists(path) ? path.toAbsolutePath().normalize().toString() : value);
        }
        return parameters;
    }

    private static int limit(List<String> args) {
        if (args.isEmpty()) {
            return 20;
        }
        if (args.size() == 2 && args.get(0).equals("--limit") && args.get(1).matches("\\d+")) {
            return Integer.parseInt(args.get(1));
        }
        throw new UsageException("jobs takes only --limit N");
    }

    private static long executionId(List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("\\d+")) {
            throw new UsageException("restart needs one execution id (see twofour jobs)");
        }
        return Long.parseLong(args.get(0));
    }
}
