package city.twofour.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps a job from running twice at once, across processes and machines: the run holds a PostgreSQL advisory lock
 * named after the job on a connection of its own for as long as it runs. A second run finds the lock taken and
 * fails at once, changing nothing.
 */
public class SingleRunLock implements JobExecutionListener {

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(?))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext(?))";

    private final DataSource dataSource;
    private Connection held;
    private String heldName;

    public SingleRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        String name = "twofour.job." + execution.getJobInstance().getJobName();
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK)) {
                lock.setString(1, name);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        throw new IllegalStateException(execution.getJobInstance().getJobName()
                                + " is already running elsewhere; this run does nothing");
                    }
                }
            }
            held = connection;
            heldName = name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (held == null) {
            return;
        }
        // the connection goes back to a pool, so the session's lock must be given up explicitly
        try (Connection connection = held; PreparedStatement unlock = connection.prepareStatement(UNLOCK)) {
            unlock.setString(1, heldName);
            unlock.execute();
        } catch (SQLException e) {
            Console.say("run lock: releasing %s failed (%s); it is released when the connection ends", heldName, e.getMessage());
        } finally {
            held = null;
        }
    }
}
