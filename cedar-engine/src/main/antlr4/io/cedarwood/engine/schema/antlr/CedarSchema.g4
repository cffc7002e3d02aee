/*
 * The Cedar schema language (".cedarschema"), Cedar 4.x.
 *
 * Deliberately permissive: the checks that need a good message (reserved identifiers, empty lists, a
 * missing `appliesTo`, escapes, duplicates) are made by the tree-to-model builder, not here.
 */
grammar CedarSchema;

schema
    : topLevel* EOF
    ;

topLevel
    : annotation* (namespace | declaration)
    ;

namespace
    : NAMESPACE path LBRACE annotatedDeclaration* RBRACE
    ;

annotatedDeclaration
    : annotation* declaration
    ;

declaration
    : entityDecl
    | actionDecl
    | typeDecl
    ;

entityDecl
    : ENTITY ident (COMMA ident)* ENUM LBRACK (str (COMMA str)*)? RBRACK SEMI              # enumEntity
    | ENTITY ident (COMMA ident)* (IN entityTypes)? (ASSIGN? recordType)? (TAGS type)? SEMI # standardEntity
    ;

actionDecl
    : ACTION name (COMMA name)* (IN actionParents)? appliesTo? (ATTRIBUTES LBRACE RBRACE)? SEMI
    ;

appliesTo
    : APPLIESTO? LBRACE (appliesToDecl (COMMA appliesToDecl)* COMMA?)? RBRACE
    ;

appliesToDecl
    : (PRINCIPAL | RESOURCE) COLON entityTypes # principalOrResource
    | CONTEXT COLON (path | recordType)       # contextDecl
    ;

typeDecl
    : TYPE ident ASSIGN type SEMI
    ;

type
    : SET LT type GT # setType
    | path           # namedType
    | recordType     # recordTypeExpr
    ;

recordType
    : LBRACE (attributeDecl (COMMA attributeDecl)* COMMA?)? RBRACE
    ;

attributeDecl
    : annotation* name QUESTION? COLON type
    ;

entityTypes
    : path
    | LBRACK (path (COMMA path)*)? RBRACK
    ;

actionParents
    : actionRef
    | LBRACK (actionRef (COMMA actionRef)*)? RBRACK
    ;

actionRef
    : path DOUBLE_COLON str # qualifiedActionRef
    | name                  # unqualifiedActionRef
    ;

annotation
    : AT ident (LPAREN str RPAREN)?
    ;

path
    : ident (DOUBLE_COLON ident)*
    ;

name
    : ident
    | str
    ;

str
    : STRING_LITERAL
    ;

// Any identifier, keywords included; the builder rejects the reserved ones where they are not allowed.
ident
    : IDENTIFIER
    | NAMESPACE
    | ENTITY
    | IN
    | TYPE
    | SET
    | APPLIESTO
    | PRINCIPAL
    | ACTION
    | RESOURCE
    | CONTEXT
    | ATTRIBUTES
    | TAGS
    | ENUM
    ;

NAMESPACE  : 'namespace';
ENTITY     : 'entity';
IN         : 'in';
TYPE       : 'type';
SET        : 'Set';
APPLIESTO  : 'appliesTo';
PRINCIPAL  : 'principal';
ACTION     : 'action';
RESOURCE   : 'resource';
CONTEXT    : 'context';
ATTRIBUTES : 'attributes';
TAGS       : 'tags';
ENUM       : 'enum';

IDENTIFIER : [_a-zA-Z] [_a-zA-Z0-9]*;
NUMBER     : [0-9]+;
STRING_LITERAL : '"' ('\\' ~[\n] | ~["\\])* '"';
// a string that runs to the end of the input: a token of its own so that the error message can say so
UNTERMINATED_STRING_LITERAL : '"' ('\\' ~[\n] | ~["\\])* '\\'?;

DOUBLE_COLON : '::';
COLON     : ':';
COMMA     : ',';
SEMI      : ';';
LBRACE    : '{';
RBRACE    : '}';
LBRACK    : '[';
RBRACK    : ']';
LT        : '<';
GT        : '>';
ASSIGN    : '=';
QUESTION  : '?';
AT        : '@';
LPAREN    : '(';
RPAREN    : ')';

COMMENT   : '//' ~[\n\r]* -> skip;
WHITESPACE : [\p{White_Space}]+ -> skip;

// anything else: a token of its own, reported by the parser as an invalid character
INVALID_CHARACTER : .;
