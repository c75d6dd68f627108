package dev.diplograph.graphql;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.diplograph.config.DiplographConfig;
import dev.diplograph.error.ErrorCodes;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.org.antlr.v4.runtime.BaseErrorListener;
import graphql.org.antlr.v4.runtime.CharStreams;
import graphql.org.antlr.v4.runtime.RecognitionException;
import graphql.org.antlr.v4.runtime.Recognizer;
import graphql.org.antlr.v4.runtime.Token;
import graphql.org.antlr.v4.runtime.TokenSource;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.SafeTokenSource;
import graphql.parser.antlr.GraphqlLexer;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;

/**
 * The abuse limits of a GraphQL document, shared by every transport (HTTP and WebSocket): a
 * token-limited parse, the operation's size, then schema validation, each refusal with its code.
 */
@ApplicationScoped
public class DocumentCheck {

    /** Why a document may not run: a stable {@code extensions.code} and a message for people. */
    public record Problem(String code, String message) {
    }

    /** A document that parsed, or the problem that stopped it. */
    public record Parsed(Document document, Problem problem) {
    }

    private final DiplographConfig.GraphQL limits;
    private final Instance<GraphQLSchema> schema;
    private final ParserOptions parserOptions;

    public DocumentCheck(DiplographConfig config, Instance<GraphQLSchema> schema) {
        this.limits = config.graphql();
        this.schema = schema;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                .maxTokens(limits.maxTokens()).maxWhitespaceTokens(limits.maxTokens() * 10)
                .captureIgnoredChars(false).captureLineComments(false));
    }

    /** Parses within the token limit. */
    public Parsed parse(String query) {
        if (overTokenLimit(query)) {
            return new Parsed(null, tooManyTokens());
        }
        try {
            return new Parsed(Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).locale(Locale.ENGLISH).build()), null);
        } catch (ParseCancelledException e) {
            return new Parsed(null, tooManyTokens());
        } catch (InvalidSyntaxException e) {
            return new Parsed(null, new Problem(ErrorCodes.GRAPHQL_PARSE_FAILED, "Syntax error: " + e.getMessage()));
        }
    }

    private Problem tooManyTokens() {
        // graphql-java counts each blank, line break, comma and comment as a token of its own, up to ten times the limit.
        return new Problem(ErrorCodes.TOO_MANY_TOKENS, "The document has more than " + limits.maxTokens()
                + " tokens, or more than " + limits.maxTokens() * 10
                + " blanks, line breaks, commas and comments (diplograph.graphql.max-tokens).");
    }

    /**
     * Whether the document has more tokens than the limits allow, counted with graphql-java's own lexer
     * and counter, so the count is the parser's. The parser copies the whole text into its stream
     * before it starts, which for a 1 MB document cost twice as much as lexing up to the limit, so a
     * token bomb is refused before that. Text the lexer cannot read is left to the parser, whose
     * syntax error is the better answer; the token limit is checked before the grammar.
     */
    private boolean overTokenLimit(String query) {
        GraphqlLexer lexer = new GraphqlLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        lexer.addErrorListener(StopLexing.LISTENER);
        TokenSource tokens = new SafeTokenSource(lexer, parserOptions.getMaxTokens(),
                parserOptions.getMaxWhitespaceTokens(), (limit, token) -> {
                    throw OverLimit.INSTANCE;
                });
        try {
            while (tokens.nextToken().getType() != Token.EOF) {
                // counting
            }
            return false;
        } catch (OverLimit e) {
            return true;
        } catch (StopLexing e) {
            return false;
        }
    }

    /** Thrown by the counter at the first token over a limit. */
    private static final class OverLimit extends RuntimeException {
        static final OverLimit INSTANCE = new OverLimit();

        private OverLimit() {
            super(null, null, false, false);
        }
    }

    /** Thrown at the first character the lexer cannot read. */
    private static final class StopLexing extends RuntimeException {
        static final StopLexing INSTANCE = new StopLexing();
        static final BaseErrorListener LISTENER = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int position,
                    String message, RecognitionException e) {
                throw INSTANCE;
            }
        };

        private StopLexing() {
            super(null, null, false, false);
        }
    }

    /** The operation a request names (or the only one), or null when there is no such operation. */
    public static OperationDefinition operation(Document document, String name) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (name == null) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(o -> name.equals(o.getName())).findFirst().orElse(null);
    }

    /**
     * The size limits first (validation itself is costly on a hostile document, e.g. a fragment
     * bomb), then validation against the schema. Returns null when the operation may run.
     */
    public Problem limitsAndValidation(Document document, OperationDefinition operation) {
        if (operation != null) {
            Problem exceeded = tooBig(OperationShape.of(document, operation));
            if (exceeded != null) {
                return exceeded;
            }
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema.get(), document, Locale.ENGLISH);
        if (invalid.isEmpty()) {
            return null;
        }
        ValidationError first = invalid.get(0);
        boolean badValue = first.getValidationErrorType() == ValidationErrorType.WrongType
                || first.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument;
        String directive = badValue ? directiveAt(document, first.getLocations()) : null;
        return new Problem(badValue ? ErrorCodes.BAD_USER_INPUT : ErrorCodes.GRAPHQL_VALIDATION_FAILED,
                PlainMessages.of(first.getMessage(), directive));
    }

    /** The name of the directive whose argument sits at the error's location, or null when it is a field's argument. */
    static String directiveAt(Node<?> node, List<SourceLocation> locations) {
        if (locations == null || locations.isEmpty()) {
            return null;
        }
        SourceLocation at = locations.get(0);
        if (node instanceof Directive directive) {
            for (Argument argument : directive.getArguments()) {
                SourceLocation location = argument.getSourceLocation();
                if (location != null && location.getLine() == at.getLine() && location.getColumn() == at.getColumn()) {
                    return directive.getName();
                }
            }
            return null;
        }
        for (Node<?> child : node.getChildren()) {
            String name = directiveAt(child, locations);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** The first limit the operation exceeds, or null. */
    private Problem tooBig(OperationShape shape) {
        if (shape.depth() > limits.maxDepth()) {
            return new Problem(ErrorCodes.QUERY_TOO_DEEP, "The operation nests " + shape.depth() + " levels deep; at most "
                    + limits.maxDepth() + " are allowed (diplograph.graphql.max-depth).");
        }
        if (shape.fields() > limits.maxFields()) {
            return new Problem(ErrorCodes.QUERY_TOO_COMPLEX, "The operation selects " + shape.fields()
                    + " fields with fragments expanded; at most " + limits.maxFields()
                    + " are allowed (diplograph.graphql.max-fields).");
        }
        if (shape.aliases() > limits.maxAliases()) {
            return new Problem(ErrorCodes.TOO_MANY_ALIASES, "The operation uses " + shape.aliases() + " aliases; at most "
                    + limits.maxAliases() + " are allowed (diplograph.graphql.max-aliases).");
        }
        if (shape.rootFields() > limits.maxRootFields()) {
            return new Problem(ErrorCodes.TOO_MANY_ROOT_FIELDS, "The operation has " + shape.rootFields()
                    + " root fields; at most " + limits.maxRootFields()
                    + " are allowed (diplograph.graphql.max-root-fields).");
        }
        return null;
    }
}
