package city.twofour.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a job from running twice at once, across processes and machines: a run holds a PostgreSQL advisory lock
 * named after its job ({@code twofour.job.<name>}) on a connection of its own for as long as it runs. A second run
 * finds the lock taken and fails at once, changing nothing.
 * <p>
 * PostgreSQL gives the lock up when the process holding it dies, so a free lock also proves that no process runs the
 * job any more (see {@link KilledRuns}). Within one process the lock is re-entrant: the command that finds a killed
 * run holds it while it marks that run failed and resumes it, and the resumed run takes it again.
 */
@Component
public class SingleRunLock implements JobExecutionListener {

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(?))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext(?))";

    /** Given back by {@link #hold}: closing it gives up this holder's share of the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** A lock this process holds: its session and how many holders share it. */
    private static final class Session {
        private final Connection connection;
        private int holders;

        private Session(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource dataSource;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<Long, Held> runs = new HashMap<>();

    public SingleRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the lock of a job, or shares it when this process holds it already.
     *
     * @throws IllegalStateException when another process holds it: the job is running elsewhere
     */
    public synchronized Held hold(String jobName) {
        String name = "twofour.job." + jobName;
        Session session = sessions.get(name);
        if (session == null) {
            session = new Session(take(name, jobName));
            sessions.put(name, session);
        }
        session.holders++;
        return () -> release(name);
    }

    @Override
    public synchronized void beforeJob(JobExecution execution) {
        runs.put(execution.getId(), hold(execution.getJobInstance().getJobName()));
    }

    @Override
    public synchronized void afterJob(JobExecution execution) {
        Held held = runs.remove(execution.getId());
        if (held != null) {
            held.close();
        }
    }

    private Connection take(String name, String jobName) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK)) {
                lock.setString(1, name);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        throw new IllegalStateException(jobName + " is already running elsewhere; this run does nothing");
                    }
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock " + name + ": " + e.getMessage(), e);
        }
    }

    private synchronized void release(String name) {
        Session session = sessions.get(name);
        if (session == null || --session.holders > 0) {
            return;
        }
        sessions.remove(name);
        // the connection goes back to a pool, so the session's lock must be given up explicitly
        try (Connection connection = session.connection; PreparedStatement unlock = connection.prepareStatement(UNLOCK)) {
            unlock.setString(1, name);
            unlock.execute();
        } catch (SQLException e) {
            Console.say("run lock: releasing %s failed (%s); it is released when the connection ends", name, e.getMessage());
        }
    }
}
