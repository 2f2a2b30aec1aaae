package dev.wallet.query.postgres;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Refuses a PostgreSQL server older than the read side needs, before any migration runs: the
 * projection writes account and transfer rows with {@code MERGE}, which PostgreSQL has from 15 on.
 * Without this check an older server would take the schema and then fail every batch with a syntax
 * error, the projection retrying it forever.
 */
final class ServerVersionCheck implements Callback {

    /** The oldest major version the read side runs on. */
    static final int MINIMUM_MAJOR_VERSION = 15;

    @Override
    public boolean supports(final Event event, final Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(final Event event, final Context context) {
        return true;
    }

    @Override
    public void handle(final Event event, final Context context) {
        try {
            final DatabaseMetaData server = context.getConnection().getMetaData();
            require(server.getDatabaseMajorVersion(), server.getDatabaseProductVersion(), server.getURL());
        } catch (SQLException e) {
            throw new FlywayException("Could not read the PostgreSQL server's version: " + e.getMessage(), e);
        }
    }

    /** Throws when {@code majorVersion} is older than {@link #MINIMUM_MAJOR_VERSION}. */
    static void require(final int majorVersion, final String version, final String url) {
        if (majorVersion < MINIMUM_MAJOR_VERSION) {
            throw new FlywayException("The read side needs PostgreSQL " + MINIMUM_MAJOR_VERSION + " or later "
                    + "(it writes with MERGE); the server at " + url + " is " + version + ".");
        }
    }

    @Override
    public String getCallbackName() {
        return "wallet-server-version-check";
    }
}
