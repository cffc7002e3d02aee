package io.cedarwood.engine.ast;

/** A function over {@link Expr}, one method per expression form. */
public interface ExprVisitor<R> {
    R visitLiteral(Expr.Literal e);

    R visitVar(Expr.Var e);

    R visitSlot(Expr.Slot e);

    R visitIf(Expr.If e);

    R visitAnd(Expr.And e);

    R visitOr(Expr.Or e);

    R visitUnary(Expr.Unary e);

    R visitBinary(Expr.Binary e);

    R visitGetAttr(Expr.GetAttr e);

    R visitHasAttr(Expr.HasAttr e);

    R visitLike(Expr.Like e);

    R visitIs(Expr.Is e);

    R visitSetLit(Expr.SetLit e);

    R visitRecordLit(Expr.RecordLit e);

    R visitExtensionCall(Expr.ExtensionCall e);
}
