package dev.diplograph.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.diplograph.dataset.DatasetDocument.StatementRecord;

/** Stable keys for statements that arrive without one, so re-importing them updates instead of duplicating. */
public final class StatementKeys {

    private StatementKeys() {
    }

    /** The record's key, or the derived one when it has none. */
    public static String keyOf(StatementRecord r) {
        return r.key() != null ? r.key() : derive(r.speaker(), r.source(), r.text());
    }

    /**
     * The speaker's slug (cut to 40 characters) and 16 hex digits of SHA-256 over speaker, source and
     * text: the same statement from the same source always gets the same key.
     */
    public static String derive(String speaker, String source, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((speaker + "\n" + source + "\n" + text).getBytes(StandardCharsets.UTF_8));
            String prefix = speaker == null ? "statement" : speaker;
            if (prefix.length() > 40) {
                prefix = prefix.substring(0, 40).replaceAll("-+$", "");
            }
            return prefix + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
