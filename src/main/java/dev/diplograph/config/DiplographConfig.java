package dev.diplograph.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed access to the service's own settings, everything under the {@code diplograph.} prefix. */
@ConfigMapping(prefix = "diplograph")
public interface DiplographConfig {

    /** Directory of the embedded H2 database file (also used by later features for local state). */
    @WithDefault("./data")
    String dataDir();

    /** How the default dataset is loaded into an empty database. */
    Seed seed();

    /** The static bearer token of the embedded default. */
    EditorTokenConfig editorToken();

    /** Settings of the static editor token. */
    interface EditorTokenConfig {
        /** Accept a static editor token at all (turn off where only JWTs should be accepted). */
        @WithDefault("true")
        boolean enabled();

        /** The token; when absent one is generated into {@code <data dir>/editor-token}. */
        Optional<String> value();
    }

    /** Dataset import and export. */
    Datasets datasets();

    /** Settings of {@code /api/datasets}. */
    interface Datasets {
        /** Largest accepted import body; larger ones are refused with 413 before anything is parsed. */
        @WithDefault("128M")
        MemorySize maxBodySize();

        /**
         * Transaction timeout of one import, in seconds (the service's default of 60 s would cut a
         * million-statement import short).
         */
        @WithDefault("1800")
        int importTimeoutSeconds();

        /**
         * Exports streaming at once; one more is refused with 503 {@code SERVICE_BUSY} and Retry-After.
         * Each holds a database connection and snapshot while its client reads, so this keeps the
         * connection pool for everything else. Revalidations (304) and HEAD are not counted.
         */
        @WithDefault("4")
        @Min(1)
        int maxConcurrentExports();

        /**
         * How long an export waits for a client that is connected but accepts no bytes before it breaks
         * the transfer off and frees its connection, snapshot and slot.
         */
        @WithDefault("60s")
        Duration exportStallTimeout();
    }

    /** How writes take turns. */
    Writes writes();

    /** Settings of the write path. */
    interface Writes {
        /**
         * H2 only, where writes run one at a time: how long a write (a mutation, a deletion, an
         * import) waits for its turn before it is refused with {@code SERVICE_BUSY}, nothing written.
         */
        @WithDefault("30s")
        Duration waitTimeout();
    }

    /** Limits of the GraphQL endpoint. */
    GraphQL graphql();

    /** What one GraphQL request may ask; each refusal carries its own {@code extensions.code}. */
    interface GraphQL {
        /** Largest request body (POST) or query string (GET). */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** Most lexical tokens in a document; the parser stops at the first one over. */
        @WithDefault("5000")
        int maxTokens();

        /** Deepest field nesting, counting from the root field as 1. */
        @WithDefault("15")
        int maxDepth();

        /** Most fields in an operation, with fragments expanded. */
        @WithDefault("1000")
        int maxFields();

        /** Most aliased fields in an operation. */
        @WithDefault("30")
        int maxAliases();

        /** Most root fields in an operation. */
        @WithDefault("20")
        int maxRootFields();

        /** Longest an operation may run before its remaining fields are abandoned. */
        @WithDefault("10s")
        Duration timeout();

        /** {@code Cache-Control: public, max-age} of successful, anonymous GET query responses (0: no-cache). */
        @WithDefault("60s")
        Duration cacheMaxAge();

        /** Most automatic persisted queries kept (least recently used ones go first). */
        @WithDefault("2000")
        int persistedQueries();

        /**
         * Executions of a query over HTTP until one ran with no write committing meanwhile, so that
         * its answer comes from one state of the data (1: run once, and answer whatever it read).
         */
        @WithDefault("3")
        int consistentReadAttempts();

        /**
         * On the embedded database, whether a query learns of a commit from this process's commit
         * sequence (no round trip: only this process writes the file) rather than by reading the data
         * version from the database, as it always does on PostgreSQL. Off only to compare the two.
         */
        @WithDefault("true")
        boolean consistentReadLocalSequence();

        /**
         * Most totals of the quotes list kept by the count cache (least recently used ones go first; 0:
         * off). A speaker's, a visit's, and a sector's or project's alone are counted on an index each
         * time; the others (every statement, a kind, dates, a text, a tag with a further criterion) are kept.
         */
        @WithDefault("500")
        int countCacheSize();
    }

    /** Quote text search. */
    Search search();

    /** Settings of the quote text search. */
    interface Search {
        /**
         * How often the embedded database's term indexer looks for new or changed statements (0 turns
         * it off; searches stay correct, only slower, while statements wait). PostgreSQL needs none.
         */
        @WithDefault("1s")
        Duration indexInterval();
    }

    /** Live updates: GraphQL subscriptions over WebSocket. */
    Live live();

    /** Settings of the subscriptions and of the change feed behind them. */
    interface Live {
        /**
         * Events one subscription may have waiting for its client; a client that falls further behind
         * is disconnected with close code 4413 ("slow consumer") rather than stalling the server. One
         * transaction may publish max-events-per-transaction events at once, so keep this at least as
         * large. Waiting events are shared by all subscribers: the buffer holds references.
         */
        @WithDefault("10000")
        int bufferSize();

        /**
         * Events published by one transaction, at most (a large dataset import publishes the first
         * ones and logs how many it left out).
         */
        @WithDefault("10000")
        int maxEventsPerTransaction();

        /** How long a new connection may take to send connection_init (close code 4408 after). */
        @WithDefault("10s")
        Duration connectionInitTimeout();

        /** Operations one connection may run at the same time (close code 4429 beyond). */
        @WithDefault("50")
        int maxOperations();

        /** Keep-alive interval of the older graphql-ws protocol ("ka" messages); 0 turns it off. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    /** Settings of the seed loader. */
    interface Seed {
        /** Load the seed dataset when the database holds no records at all. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath resource in visits-dataset/1 format. */
        @WithDefault("dataset/default-dataset.json")
        String resource();
    }
}
