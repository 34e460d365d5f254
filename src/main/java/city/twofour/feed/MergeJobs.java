package city.twofour.feed;

import java.util.List;

import city.twofour.common.ChildRuns;
import city.twofour.common.PublishChanges;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shape every merge of imported rows into a master table has: the merge step, then the accounting of the merged
 * feeds' rows ({@code accountFor<Noun>Rows}), the retirement of the records no current delivery holds any more
 * ({@code retireMissing<Noun>Records}), then the publication of the changes ({@code publish<Noun>Changes}).
 * Run on its own, or by the nightly run, which passes its job instance.
 */
public final class MergeJobs {

    private MergeJobs() {
    }

    /**
     * @param noun     what the job merges, for the step names: {@code Person}, {@code Unit}, ...
     * @param feeds    the feeds whose rows it merges
     * @param retiring the tables whose records it retires
     */
    public static Job merge(String name, String noun, List<String> feeds, Step merge, List<RetiringTable> retiring,
                            JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        return merge(name, noun, feeds, List.of(merge), retiring, jobRepository, transactionManager, jdbc);
    }

    /** A merge made of several steps, run in their order before the accounting, the retirement and the publication. */
    public static Job merge(String name, String noun, List<String> feeds, List<Step> steps, List<RetiringTable> retiring,
                            JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        SimpleJobBuilder job = new JobBuilder(name, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[0],
                        new String[] {ChildRuns.PARENT_INSTANCE, "run.id"}))
                .start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        return job
                .next(new StepBuilder("accountFor" + noun + "Rows", jobRepository)
                        .tasklet(new AccountForMergedRows(jdbc, feeds), transactionManager)
                        .build())
                .next(new StepBuilder("retireMissing" + noun + "Records", jobRepository)
                        .tasklet(new RetireMissingRecords(jdbc, name, feeds, retiring), transactionManager)
                        .build())
                .next(new StepBuilder("publish" + noun + "Changes", jobRepository)
                        .tasklet(new PublishChanges(jdbc), transactionManager)
                        .allowStartIfComplete(true)
                        .build())
                .build();
    }
}
