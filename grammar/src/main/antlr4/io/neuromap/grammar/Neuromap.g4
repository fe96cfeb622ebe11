/*
 * The neuromap language (.nmap). One grammar for both layers: cell types and the network.
 *
 * Design notes (docs/language.md is the user-facing reference):
 *  - Keywords are few. Parameter names, connector names, distribution families, model names,
 *    effect kinds and modulator settings are plain identifiers resolved by the front end, so the
 *    language grows without new keywords and the errors for unknown names are semantic (located,
 *    with a suggestion) rather than syntax errors.
 *  - A quantity is NUMBER followed by one unit identifier ("20 ms"). Whether that identifier is a
 *    unit is decided by the front end, so "20 ms * r" is (20 ms) * r.
 *  - '[' ID ']' in an expression is a modulator concentration ([DA]); a one-element list of a name
 *    is written [x,] or resolved by the front end when x is not a modulator.
 *  - Common mistakes have tokens of their own (':=', unterminated strings, stray characters) so the
 *    front end can name them precisely.
 */
grammar Neuromap;

program        : topItem* EOF ;

topItem        : importDecl
               | constDecl
               | celltypeDecl
               | networkDecl
               | simulateDecl
               | targetDecl
               ;

importDecl     : IMPORT STRING SEMI ;
constDecl      : CONST ID ASSIGN expr SEMI ;

// ---------------------------------------------------------------- cell types
celltypeDecl   : CELLTYPE name=ID COLON model=ID LBRACE bodyItem* RBRACE SEMI? ;

/** Items of population, cell type and stimulus bodies. */
bodyItem       : binding
               | receptorDecl
               ;
binding        : LET? qname ASSIGN expr SEMI                     # fixedBinding
               | LET? qname TILDE distribution SEMI              # sampledBinding
               ;
receptorDecl   : RECEPTOR name=ID BINDS modulator=ID (ON compartment=ID)? SEMI ;

distribution   : family=ID LPAREN args? RPAREN clip? ;
clip           : CLIP LBRACK lo=expr COMMA hi=expr RBRACK clipMode=(REDRAW | CLAMP)? ;

// ---------------------------------------------------------------- network
networkDecl    : NETWORK ID LBRACE netItem* RBRACE SEMI? ;

netItem        : populationDecl
               | projectionDecl
               | modulatorDecl
               | pathwayDecl
               | stimulusDecl
               | probeDecl
               | constDecl
               | celltypeDecl
               ;

populationDecl : POPULATION name=ID LBRACK size=expr RBRACK COLON populationType
                 (LBRACE bodyItem* RBRACE SEMI? | SEMI) ;
populationType : ID                                              # modelType
               | MIX LBRACE mixEntry (COMMA mixEntry)* COMMA? RBRACE   # mixType
               ;
mixEntry       : ID COLON expr ;

projectionDecl : PROJECT (name=ID COLON)? pre=endpoint ARROW post=endpoint WITH connector=call
                 (PLASTICITY plasticity=call)?
                 (LBRACE projectionItem* RBRACE SEMI? | SEMI) ;
projectionItem : binding                                         # projectionBinding
               | RECEPTOR ASSIGN kind=ID SEMI                    # synapseReceptor
               ;
endpoint       : population=ID (DOT part=ID)? slice? ;
slice          : LBRACK from=expr? COLON to=expr? RBRACK ;

modulatorDecl  : MODULATOR ID LBRACE setting* RBRACE SEMI? ;
/** `source snc;`, `source external "reward";`, `release 0.3 per spike;`, `scope global;` */
setting        : key=ID settingValue (PER per=ID)? SEMI ;
settingValue   : EXTERNAL STRING                                 # externalValue
               | expr                                            # exprValue
               ;

pathwayDecl    : PATHWAY name=ID COLON modulator=ID ARROW pathwayTarget VIA receptor=ID
                 LBRACE effect* RBRACE SEMI? ;
pathwayTarget  : CELLTYPE ID                                     # celltypeTarget
               | PROJ ID                                         # projectionTarget
               | endpoint                                        # endpointTarget
               ;
effect         : EFFECT kind=ID (LPAREN subject=qname RPAREN)? op=(ASSIGN | PLUS_ASSIGN | MINUS_ASSIGN | TIMES_ASSIGN)
                 expr (RESPONSE response=call)? SEMI ;

stimulusDecl   : STIMULUS name=ID COLON source=call ARROW endpoint
                 (LBRACE bodyItem* RBRACE SEMI? | SEMI) ;

probeDecl      : PROBE (name=ID COLON)? probeKind OF endpoint (EVERY every=expr)? SEMI ;
probeKind      : MODULATOR LPAREN ID RPAREN                      # modulatorProbe
               | call                                            # callProbe
               ;

// ---------------------------------------------------------------- run and target settings
simulateDecl   : SIMULATE ID LBRACE simSetting* RBRACE SEMI? ;
targetDecl     : TARGET ID (LBRACE simSetting* RBRACE SEMI? | SEMI) ;
simSetting     : ID ASSIGN expr SEMI ;

// ---------------------------------------------------------------- expressions
/**
 * A call with optional named arguments; bare names (`all_to_all`, `spikes`) are calls without parentheses.
 * `external` is a keyword (`source external "x"`) and also the stimulus kind `external("channel")`.
 */
call           : name=(ID | EXTERNAL) (LPAREN args? RPAREN)? ;
args           : arg (COMMA arg)* COMMA? ;
arg            : (ID ASSIGN)? expr ;

expr           : LPAREN expr RPAREN                              # parenExpr
               | <assoc=right> expr CARET expr                   # powerExpr
               | op=(MINUS | PLUS) expr                          # unaryExpr
               | expr op=(STAR | SLASH | PERCENT) expr           # mulExpr
               | expr op=(PLUS | MINUS) expr                     # addExpr
               | NUMBER unit=ID?                                 # numberExpr
               | STRING                                          # stringExpr
               | LBRACK ID RBRACK                                # concentrationExpr
               | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK      # listExpr
               | ID LPAREN args? RPAREN                          # callExpr
               | qname                                           # nameExpr
               ;

qname          : ID (DOT ID)* ;

// ---------------------------------------------------------------- lexer
IMPORT      : 'import' ;
CONST       : 'const' ;
CELLTYPE    : 'celltype' ;
RECEPTOR    : 'receptor' ;
BINDS       : 'binds' ;
ON          : 'on' ;
NETWORK     : 'network' ;
POPULATION  : 'population' ;
MIX         : 'mix' ;
LET         : 'let' ;
PROJECT     : 'project' ;
WITH        : 'with' ;
PLASTICITY  : 'plasticity' ;
MODULATOR   : 'modulator' ;
EXTERNAL    : 'external' ;
PER         : 'per' ;
PATHWAY     : 'pathway' ;
VIA         : 'via' ;
PROJ        : 'proj' ;
EFFECT      : 'effect' ;
RESPONSE    : 'response' ;
STIMULUS    : 'stimulus' ;
PROBE       : 'probe' ;
OF          : 'of' ;
EVERY       : 'every' ;
SIMULATE    : 'simulate' ;
TARGET      : 'target' ;
CLIP        : 'clip' ;
REDRAW      : 'redraw' ;
CLAMP       : 'clamp' ;

ARROW        : '->' ;
PLUS_ASSIGN  : '+=' ;
MINUS_ASSIGN : '-=' ;
TIMES_ASSIGN : '*=' ;
ASSIGN       : '=' ;
TILDE        : '~' ;
COLON        : ':' ;
SEMI         : ';' ;
COMMA        : ',' ;
DOT          : '.' ;
LPAREN       : '(' ;
RPAREN       : ')' ;
LBRACE       : '{' ;
RBRACE       : '}' ;
LBRACK       : '[' ;
RBRACK       : ']' ;
PLUS         : '+' ;
MINUS        : '-' ;
STAR         : '*' ;
SLASH        : '/' ;
PERCENT      : '%' ;
CARET        : '^' ;

NUMBER      : DIGITS ('.' DIGITS?)? EXPONENT?
            | '.' DIGITS EXPONENT?
            ;
fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

/** Identifiers; 'µ'/'μ' are accepted so that "20 µs" lexes and the front end can suggest "us". */
ID          : [a-zA-Z_\u00B5\u03BC] [a-zA-Z_0-9\u00B5\u03BC]* ;
STRING      : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;

DOC_COMMENT   : '///' ~[\r\n]* -> channel(2) ;
LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
/** An unterminated block comment runs to EOF; the front end reports it (the token lacks the closing '*' '/'). */
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN) ;
WS            : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Common mistakes, lexed so that the front end can name them (these never parse).
WALRUS              : ':=' ;
DOUBLE_EQUALS       : '==' ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
ERROR_CHAR          : . ;
