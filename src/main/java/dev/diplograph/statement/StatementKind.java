package dev.diplograph.statement;

import org.eclipse.microprofile.graphql.Description;

/** Whether a statement is the speaker's own words or reported speech. */
@Description("DIRECT: the speaker's own words, verbatim, as printed between quotation marks. "
        + "PARAPHRASE: reported speech.")
public enum StatementKind {
    DIRECT,
    PARAPHRASE
}
