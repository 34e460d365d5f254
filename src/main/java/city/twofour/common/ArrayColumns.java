package city.twofour.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a set-based statement's parameters in order, each the array of one value of every item: the statement
 * reads them back as rows with {@code unnest(?::text[], ?::bigint[], ...)}. A chunk written this way is one
 * statement, so the server plans it once and fires its statement triggers once, where a batch of per-row
 * statements pays both for every row.
 */
public final class ArrayColumns<T> {

    private final Connection connection;
    private final PreparedStatement statement;
    private final List<? extends T> items;
    private int parameter;

    public ArrayColumns(Connection connection, PreparedStatement statement, List<? extends T> items) {
        this.connection = connection;
        this.statement = statement;
        this.items = items;
    }

    /** The next parameter: a text array (cast it in the statement for dates and other types written as text). */
    public ArrayColumns<T> text(Function<T, String> value) throws SQLException {
        return add("text", value);
    }

    /** The next parameter: an array of the given SQL type ({@code bigint}, {@code integer}, {@code float8}). */
    public ArrayColumns<T> add(String sqlType, Function<T, ?> value) throws SQLException {
        statement.setArray(++parameter, connection.createArrayOf(sqlType, items.stream().map(value).toArray()));
        return this;
    }
}
