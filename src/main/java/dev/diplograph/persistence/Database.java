package dev.diplograph.persistence;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.jboss.logging.Logger;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one database this process talks to: PostgreSQL when a JDBC URL is configured for the default
 * datasource, otherwise the embedded H2 file; every JDBC and Hibernate access goes through it.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class);

    /** Name of the embedded datasource and of its persistence unit. */
    public static final String EMBEDDED = "embedded";

    /** The database products the service runs on. */
    public enum Kind {
        /** Embedded H2 in a file: one replica. */
        H2,
        /** PostgreSQL: any number of replicas. */
        POSTGRESQL
    }

    private final Kind kind;
    private final AgroalDataSource dataSource;
    private final Session session;
    private final SessionFactory sessionFactory;

    Database(@ConfigProperty(name = "quarkus.datasource.jdbc.url") java.util.Optional<String> externalUrl,
            @Any InjectableInstance<AgroalDataSource> dataSources, @Any InjectableInstance<Session> sessions,
            @Any InjectableInstance<SessionFactory> sessionFactories) {
        boolean external = externalUrl.filter(url -> !url.isBlank()).isPresent();
        if (external) {
            this.kind = Kind.POSTGRESQL;
            this.dataSource = dataSources.select(Default.Literal.INSTANCE).get();
            this.session = sessions.select(Default.Literal.INSTANCE).get();
            this.sessionFactory = sessionFactories.select(Default.Literal.INSTANCE).get();
        } else {
            PersistenceUnit.PersistenceUnitLiteral unit = new PersistenceUnit.PersistenceUnitLiteral(EMBEDDED);
            this.kind = Kind.H2;
            this.dataSource = dataSources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(EMBEDDED)).get();
            this.session = sessions.select(unit).get();
            this.sessionFactory = sessionFactories.select(unit).get();
        }
    }

    /** The database of the running process, for code that cannot take it by injection (entity finders). */
    public static Database current() {
        return Arc.container().instance(Database.class).get();
    }

    /** Which database product this is. */
    public Kind kind() {
        return kind;
    }

    /** The connection pool. */
    public AgroalDataSource dataSource() {
        return dataSource;
    }

    /** The Hibernate session of the current transaction or request (a contextual proxy). */
    public Session session() {
        return session;
    }

    /**
     * Empties the Hibernate session of the current request, if there is one and no transaction is
     * under way, so that what the request reads next comes from the database and not from the entities
     * it loaded before: after a write it committed (a later field of a mutation reads that write), or
     * before a query runs again. Entities already loaded stay as they are, detached. Never fails: a
     * write that committed must not be reported as failed because of this.
     */
    public void forgetRequestEntities() {
        if (!Arc.container().requestContext().isActive() || QuarkusTransaction.isActive()) {
            return;
        }
        try {
            session.clear();
        } catch (RuntimeException e) {
            // No session yet, and none may be opened on this thread (the event loop): nothing is remembered.
            LOG.debugf("No request session to empty: %s", e.getMessage());
        }
    }

    /** The Hibernate dialect, for the few SQL strings that differ between databases (sequences). */
    public Dialect dialect() {
        return sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    /** The session factory, e.g. for statistics. */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
