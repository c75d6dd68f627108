package dev.diplograph.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import dev.diplograph.config.Build;
import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.ServiceBusyException;
import dev.diplograph.http.ContentCodings;
import dev.diplograph.http.EntityTags;
import dev.diplograph.http.ResponseStream;
import dev.diplograph.security.Roles;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** REST entry point for whole datasets: bulk import (editors only) and export, for large files and curl. */
@Path("/api/datasets")
public class DatasetResource {

    /** The methods this resource answers (HEAD and OPTIONS come from the framework), for a 405's Allow header. */
    public static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    private static final Logger LOG = Logger.getLogger(DatasetResource.class);

    /** The export is a file to keep, under this name. */
    private static final String ATTACHMENT = "attachment; filename=\"visits-dataset.json\"";

    private final DatasetService datasets;
    private final DatasetExporter exporter;
    private final long maxBytes;
    private final int maxExports;
    private final Duration stallTimeout;

    public DatasetResource(DatasetService datasets, DatasetExporter exporter, DiplographConfig config) {
        this.datasets = datasets;
        this.exporter = exporter;
        this.maxBytes = config.datasets().maxBodySize().asLongValue();
        this.maxExports = config.datasets().maxConcurrentExports();
        this.stallTimeout = config.datasets().exportStallTimeout();
    }

    /**
     * Imports a visits-dataset/1 document in one transaction and reports what it created and updated;
     * with {@code ?dryRun=true} the transaction is rolled back and the report says what it would have done.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    public ImportReport importDataset(InputStream body, @Context UriInfo uri, @Context HttpHeaders headers)
            throws IOException {
        boolean dryRun = dryRun(uri.getQueryParameters());
        boolean gzip = gzip(headers.getRequestHeader(HttpHeaders.CONTENT_ENCODING));
        java.nio.file.Path file = Files.createTempFile("diplograph-import", ".json");
        try {
            spool(body, file, gzip);
            ImportReport report = datasets.importFile(file, dryRun);
            LOG.infof("%s a dataset of %d bytes: %s", dryRun ? "Dry-ran the import of" : "Imported", Files.size(file),
                    report.records());
            return report;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Exports everything as one visits-dataset/1 document, with a strong ETag from the data version
     * of the snapshot it is read from: {@code If-None-Match} with it answers 304 without reading the
     * data again, so a team that syncs the dataset downloads it only when it changed. The document is
     * streamed, so a failure can come after the status line went out; the transfer is then broken off
     * (the stream reset, or the connection closed), and the client sees an incomplete transfer rather
     * than a short document that looks whole.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response exportDataset(@Context RoutingContext routing, @Context HttpHeaders headers) throws IOException {
        DatasetExporter.Export export = exporter.open();
        try {
            String etag = etag(export.version(), headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
            if (EntityTags.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
                export.close();
                return validated(Response.notModified(), etag);
            }
            if (routing.request().method() == HttpMethod.HEAD) {
                export.close(); // the headers only: nothing to read
                return validated(Response.ok().type(MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ATTACHMENT), etag);
            }
            if (!export.takeSlot()) {
                export.close();
                throw new ServiceBusyException(maxExports + " exports are streaming already, the most this service runs at once."
                        + " Try again in a few seconds.");
            }
            // Whichever comes first closes the snapshot: the body below, or the end of an exchange that
            // ended before the body began. The end never closes it under a body that reads from it.
            AtomicBoolean claimed = new AtomicBoolean();
            routing.addEndHandler(ended -> {
                if (claimed.compareAndSet(false, true)) {
                    export.close();
                }
            });
            // The framework's own stream (the argument) is not used: see ResponseStream.
            StreamingOutput body = unused -> {
                if (!claimed.compareAndSet(false, true)) {
                    throw new IOException("The exchange ended before the export began");
                }
                ResponseStream out = new ResponseStream(routing.request(), stallTimeout);
                try {
                    export.writeTo(out);
                    // Slot, snapshot and connection are freed before the client can see the transfer end,
                    // whole or broken off below, so that a client that downloads again at once finds them free.
                    export.close();
                    out.close();
                } catch (IOException | RuntimeException e) {
                    export.close(); // first, as above
                    if (out.stalled()) {
                        LOG.infof("An export's client accepted no bytes for %s; the transfer is broken off", stallTimeout);
                        out.giveUp();
                        return;
                    }
                    if (out.clientGone()) {
                        LOG.infof("The client went away during an export, which stopped there (%s)", e.getMessage());
                        out.abandon();
                        return;
                    }
                    if (routing.response().headWritten()) {
                        LOG.warn("Export failed after it had started to send; the transfer is broken off (cause logged below)");
                        out.breakOff();
                    }
                    throw e;
                } finally {
                    export.close();
                }
            };
            return validated(Response.ok(body).header(HttpHeaders.CONTENT_DISPOSITION, ATTACHMENT), etag);
        } catch (RuntimeException e) {
            export.close();
            throw e;
        }
    }

    /**
     * Strong: the same build (which fixes the document's format and order), data version and content
     * coding always give the same bytes. The coding is in it because the answer is compressed when the
     * client accepts it, and a strong ETag names one representation (RFC 9110, 8.8.3).
     */
    static String etag(long version, String acceptEncoding) {
        return EntityTags.of(Build.id(), version, DatasetDocument.FORMAT + "\n" + ContentCodings.acceptedKey(acceptEncoding));
    }

    /** A 200 or 304 of the export: its tag, and revalidation before any stored copy is used. */
    private static Response validated(Response.ResponseBuilder response, String etag) {
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    /**
     * The import's one query parameter. Anything else is refused before the body is read: a misspelt
     * {@code ?dry-run=true} that was ignored would write the whole document.
     */
    private static boolean dryRun(MultivaluedMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!name.equals("dryRun")) {
                throw new BadRequestException("Unknown query parameter '" + name + "'; the import takes only dryRun=true|false."
                        + " Nothing was written.");
            }
        }
        List<String> values = parameters.getOrDefault("dryRun", List.of());
        if (values.isEmpty()) {
            return false;
        }
        if (values.size() > 1 || !(values.get(0).equals("true") || values.get(0).equals("false"))) {
            throw new BadRequestException("dryRun must be given once, as true or false. Nothing was written.");
        }
        return values.get(0).equals("true");
    }

    /**
     * Whether the body is gzip-compressed: a 50 MB document travels as a few megabytes. No coding, or
     * {@code identity}, is the document itself; any other coding, or several, is refused before the
     * body is read (decoding it as JSON would only report a stray byte).
     */
    private static boolean gzip(List<String> encodings) {
        List<String> codings = ContentCodings.applied(encodings);
        if (codings.isEmpty()) {
            return false;
        }
        if (codings.size() == 1 && (codings.get(0).equalsIgnoreCase("gzip") || codings.get(0).equalsIgnoreCase("x-gzip"))) {
            return true;
        }
        throw new UnsupportedContentEncodingException(String.join(", ", codings));
    }

    private static InputStream gunzip(InputStream body) {
        try {
            return new GZIPInputStream(body, 64 * 1024);
        } catch (IOException e) {
            throw notGzip(e);
        }
    }

    /**
     * Copies the body to disk, refusing it as soon as it grows past the limit. For a gzip body the
     * limit applies to the document it expands to as well, so a small body cannot unpack into an
     * unbounded one.
     */
    private void spool(InputStream body, java.nio.file.Path file, boolean gzip) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        // Closing the decompressor frees its native memory at once (and closes the body, read by then).
        try (InputStream in = gzip ? gunzip(body) : body; OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes, gzip);
                }
                out.write(buffer, 0, read);
            }
        } catch (ZipException | EOFException e) {
            // Only the decompressor reports these: corrupt or cut-short gzip data.
            if (gzip) {
                throw notGzip(e);
            }
            throw e;
        }
    }

    private static MalformedDatasetException notGzip(IOException e) {
        return new MalformedDatasetException("The body is not valid gzip data (" + e.getMessage() + ").", null);
    }
}
