// The Cedar policy language, as the reference parser reads it (cedar-policy-core, grammar.lalrpop).
//
// Deliberately permissive and boring: it accepts every text the reference grammar accepts, and a little
// more where that gives better messages (any identifier as effect, condition keyword or scope variable,
// `=` `/` `%` as operators, chained relations, any number of `!` or `-`, any slot name). The Cedar rules
// (valid names, arity, scope shapes, escapes, integer range, ...) are checked by the tree-to-AST builder,
// which reports them with precise messages.
grammar Cedar;

// every parse tree node starts with room for two children instead of ten (most have one or two)
options { contextSuperClass = CedarContext; }

// ---- entry points ----

policies       : policy* EOF ;
singlePolicy   : policy EOF ;
singleExpr     : expr EOF ;
singleRef      : name '::' STRING EOF ;
singleName     : name EOF ;

// ---- policies ----

policy         : annotation* effect=anyIdent '(' (variableDef (',' variableDef)* ','?)? ')' condition* ';' ;

annotation     : '@' anyIdent ('(' STRING ')')? ;

// Variable [':' Name] ['is' Add] [RelOp Expr]; the `is` type is an Add (not a Name) for better errors
variableDef    : variable=anyIdent (':' name)? (IS addExpr)? (relOp expr)? ;

condition      : keyword=anyIdent '{' expr? '}' ;

// ---- expressions, loosest binding first ----

expr           : IF expr THEN expr ELSE expr      # ifExpr
               | orExpr                           # plainExpr
               ;

orExpr         : andExpr ('||' andExpr)* ;

andExpr        : relation ('&&' relation)* ;

relation       : addExpr ( (relOp addExpr)+
                         | HAS (IF access* | addExpr)
                         | LIKE addExpr
                         | IS addExpr (IN addExpr)?
                         )? ;

relOp          : '<' | '<=' | '>=' | '>' | '!=' | '==' | '=' | IN ;

addExpr        : multExpr (addOp multExpr)* ;

addOp          : '+' | '-' ;

multExpr       : unary (multOp unary)* ;

multOp         : '*' | '/' | '%' ;

unary          : ('!'+ | '-'+)? member ;

member         : primary access* ;

access         : '.' anyIdent                              # fieldAccess
               | '(' (expr (',' expr)* ','?)? ')'          # callAccess
               | '[' expr ']'                              # indexAccess
               ;

primary        : literal                                   # literalPrimary
               | name ('::' (STRING | '{' (refInit (',' refInit)* ','?)? '}'))?  # namePrimary
               | slot                                      # slotPrimary
               | '(' expr ')'                              # parenPrimary
               | '[' (expr (',' expr)* ','?)? ']'          # setPrimary
               | '{' (recInit (',' recInit)* ','?)? '}'    # recordPrimary
               ;

literal        : TRUE | FALSE | NUMBER | STRING ;

slot           : PRINCIPAL_SLOT | RESOURCE_SLOT | OTHER_SLOT ;

refInit        : anyIdent ':' literal ;

recInit        : IF ':' expr                               # ifKeyInit
               | expr ':' expr                             # exprKeyInit
               ;

// A single identifier may not be `if`, `true` or `false`; a path may contain them (rejected later).
name           : commonIdent ('::' anyIdent)*
               | specialIdent ('::' anyIdent)+
               ;

anyIdent       : commonIdent | specialIdent ;

commonIdent    : PRINCIPAL | ACTION | RESOURCE | CONTEXT | PERMIT | FORBID | WHEN | UNLESS
               | IN | HAS | LIKE | IS | THEN | ELSE | IDENTIFIER ;

specialIdent   : IF | TRUE | FALSE ;

// ---- tokens ----

TRUE           : 'true' ;
FALSE          : 'false' ;
IF             : 'if' ;
PERMIT         : 'permit' ;
FORBID         : 'forbid' ;
WHEN           : 'when' ;
UNLESS         : 'unless' ;
IN             : 'in' ;
HAS            : 'has' ;
LIKE           : 'like' ;
IS             : 'is' ;
THEN           : 'then' ;
ELSE           : 'else' ;
PRINCIPAL      : 'principal' ;
ACTION         : 'action' ;
RESOURCE       : 'resource' ;
CONTEXT        : 'context' ;

PRINCIPAL_SLOT : '?principal' ;
RESOURCE_SLOT  : '?resource' ;
OTHER_SLOT     : '?' [_a-zA-Z] [_a-zA-Z0-9]* ;

IDENTIFIER     : [_a-zA-Z] [_a-zA-Z0-9]* ;
NUMBER         : [0-9]+ ;
// escapes are checked later; like the reference, a backslash may not be followed by a line feed
STRING         : '"' ( '\\' ~[\n] | ~["\\] )* '"' ;

AT             : '@' ;
DOT            : '.' ;
COMMA          : ',' ;
SEMI           : ';' ;
COLON          : ':' ;
DCOLON         : '::' ;
LPAREN         : '(' ;
RPAREN         : ')' ;
LBRACE         : '{' ;
RBRACE         : '}' ;
LBRACKET       : '[' ;
RBRACKET       : ']' ;
EQ             : '==' ;
NE             : '!=' ;
LT             : '<' ;
LE             : '<=' ;
GE             : '>=' ;
GT             : '>' ;
OR             : '||' ;
AND            : '&&' ;
PLUS           : '+' ;
DASH           : '-' ;
STAR           : '*' ;
SLASH          : '/' ;
PERCENT        : '%' ;
BANG           : '!' ;
ASSIGN         : '=' ;

WS             : [\p{White_Space}]+ -> skip ;
// on the hidden channel, which the parser never sees, so that the formatter can keep comments
COMMENT        : '//' ~[\n\r]* -> channel(HIDDEN) ;
