package io.cedarwood.analysis;

import com.microsoft.z3.ArrayExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.CharSort;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.ReExpr;
import com.microsoft.z3.SeqExpr;
import com.microsoft.z3.SeqSort;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles a Cedar expression into SMT terms in one request environment: a value and the condition under
 * which evaluating it errors (the reference's option-typed terms, kept as a pair). When the error condition
 * holds, the value means nothing. A construct the encoding does not cover throws {@link Unsupported}.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class SymCompiler {

    /** A compiled expression: its value, and when evaluating it errors. */
    record Result(SymValue value, BoolExpr error) {
    }

    private final SymEnv env;
    private final Context ctx;

    SymCompiler(SymEnv env) {
        this.env = env;
        this.ctx = env.ctx;
    }

    Result compile(io.cedarwood.engine.ast.Expr e) {
        if (e instanceof io.cedarwood.engine.ast.Expr.Literal l) {
            return ok(literal(l.value()));
        } else if (e instanceof io.cedarwood.engine.ast.Expr.Var v) {
            return ok(variable(v.variable()));
        } else if (e instanceof io.cedarwood.engine.ast.Expr.If i) {
            return ifThenElse(i);
        } else if (e instanceof io.cedarwood.engine.ast.Expr.And a) {
            Result l = bool(compile(a.left()));
            BoolExpr lv = boolTerm(l);
            if (isFalse(lv) && isFalse(l.error())) {
                return l;
            }
            Result r = bool(compile(a.right()));
            return new Result(term(SymType.BOOL, ctx.mkAnd(lv, boolTerm(r))),
                    or(l.error(), ctx.mkAnd(lv, r.error())));
        } else if (e instanceof io.cedarwood.engine.ast.Expr.Or o) {
            Result l = bool(compile(o.left()));
            BoolExpr lv = boolTerm(l);
            if (isTrue(lv) && isFalse(l.error())) {
                return l;
            }
            Result r = bool(compile(o.right()));
            return new Result(term(SymType.BOOL, ctx.mkOr(lv, boolTerm(r))),
                    or(l.error(), ctx.mkAnd(ctx.mkNot(lv), r.error())));
        } else if (e instanceof io.cedarwood.engine.ast.Expr.Unary u) {
            return unary(u);
        } else if (e instanceof io.cedarwood.engine.ast.Expr.Binary b) {
            return binary(b);
        } else if (e instanceof io.cedarwood.engine.ast.Expr.GetAttr g) {
            Result t = compile(g.target());
            SymValue.Field f = field(t.value(), g.attribute(), "attribute access");
            if (f == null) {
                throw new Unsupported("access of attribute `" + g.attribute() + "` that the schema does not declare");
            }
            if (f.value() instanceof SymValue.Term term && term.type() == null) {
                throw new Unsupported("attribute `" + g.attribute() + "` of a type the encoding does not cover");
            }
            return new Result(env.wellFormed(f.value()), or(t.error(), ctx.mkNot(f.present())));
        } else if (e instanceof io.cedarwood.engine.ast.Expr.HasAttr h) {
            Result t = compile(h.target());
            SymValue.Field f = field(t.value(), h.attribute(), "`has`");
            return new Result(term(SymType.BOOL, f == null ? ctx.mkFalse() : f.present()), t.error());
        } else if (e instanceof io.cedarwood.engine.ast.Expr.Like l) {
            Result t = compile(l.target());
            return new Result(term(SymType.BOOL, ctx.mkInRe((SeqExpr) string(t.value(), "`like`"), regex(l.pattern()))),
                    t.error());
        } else if (e instanceof io.cedarwood.engine.ast.Expr.Is i) {
            Result t = compile(i.target());
            EntityType type = entityType(t.value(), "`is`");
            return new Result(term(SymType.BOOL, ctx.mkBool(type.equals(i.entityType()))), t.error());
        } else if (e instanceof io.cedarwood.engine.ast.Expr.SetLit s) {
            return setLiteral(s);
        } else if (e instanceof io.cedarwood.engine.ast.Expr.RecordLit r) {
            Map<String, SymValue.Field> fields = new LinkedHashMap<>();
            List<BoolExpr> errors = new ArrayList<>();
            for (Map.Entry<String, io.cedarwood.engine.ast.Expr> f : r.fields().entrySet()) {
                Result v = compile(f.getValue());
                fields.put(f.getKey(), new SymValue.Field(v.value(), ctx.mkTrue()));
                errors.add(v.error());
            }
            return new Result(new SymValue.Rec(fields), or(errors.toArray(new BoolExpr[0])));
        } else if (e instanceof io.cedarwood.engine.ast.Expr.ExtensionCall c) {
            return extension(c);
        }
        throw new Unsupported("a template slot (link the template first)");
    }

    // ---- extension functions: decimal, datetime and duration as 64-bit numbers

    private static final SymType DECIMAL = new SymType.Ext("decimal");
    private static final SymType DATETIME = new SymType.Ext("datetime");
    private static final SymType DURATION = new SymType.Ext("duration");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Result extension(io.cedarwood.engine.ast.Expr.ExtensionCall call) {
        String f = call.function();
        int arity = switch (f) {
            case "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "offset", "durationSince",
                    "isInRange" -> 2;
            default -> 1;
        };
        if (call.arguments().size() != arity) {
            throw new Unsupported("`" + f + "` with " + call.arguments().size() + " arguments");
        }
        if (f.equals("decimal") || f.equals("datetime") || f.equals("duration") || f.equals("ip")) {
            return constructor(f, call.arguments());
        }
        List<Result> args = new ArrayList<>();
        for (io.cedarwood.engine.ast.Expr a : call.arguments()) {
            args.add(compile(a));
        }
        List<BoolExpr> errors = new ArrayList<>();
        args.forEach(a -> errors.add(a.error()));
        BoolExpr error = or(errors.toArray(new BoolExpr[0]));
        switch (f) {
            case "lessThan":
                return new Result(term(SymType.BOOL, ctx.mkBVSLT(ext(args, 0, DECIMAL, f), ext(args, 1, DECIMAL, f))), error);
            case "lessThanOrEqual":
                return new Result(term(SymType.BOOL, ctx.mkBVSLE(ext(args, 0, DECIMAL, f), ext(args, 1, DECIMAL, f))), error);
            case "greaterThan":
                return new Result(term(SymType.BOOL, ctx.mkBVSGT(ext(args, 0, DECIMAL, f), ext(args, 1, DECIMAL, f))), error);
            case "greaterThanOrEqual":
                return new Result(term(SymType.BOOL, ctx.mkBVSGE(ext(args, 0, DECIMAL, f), ext(args, 1, DECIMAL, f))), error);
            case "offset": {
                BitVecExpr p = ext(args, 0, DATETIME, f);
                BitVecExpr q = ext(args, 1, DURATION, f);
                BoolExpr fits = ctx.mkAnd(ctx.mkBVAddNoOverflow(p, q, true), ctx.mkBVAddNoUnderflow(p, q));
                return new Result(term(DATETIME, ctx.mkBVAdd(p, q)), or(error, ctx.mkNot(fits)));
            }
            case "durationSince": {
                BitVecExpr p = ext(args, 0, DATETIME, f);
                BitVecExpr q = ext(args, 1, DATETIME, f);
                BoolExpr fits = ctx.mkAnd(ctx.mkBVSubNoOverflow(p, q), ctx.mkBVSubNoUnderflow(p, q, true));
                return new Result(term(DURATION, ctx.mkBVSub(p, q)), or(error, ctx.mkNot(fits)));
            }
            case "toDate": {
                BitVecExpr p = ext(args, 0, DATETIME, f);
                BitVecExpr m = ctx.mkBVSMod(p, ctx.mkBV(MILLIS_PER_DAY, 64));
                BoolExpr fits = ctx.mkBVSubNoUnderflow(p, m, true);
                return new Result(term(DATETIME, ctx.mkBVSub(p, m)), or(error, ctx.mkNot(fits)));
            }
            case "isIpv4":
                return new Result(term(SymType.BOOL, ctx.mkNot(isV6(ext(args, 0, SymEnv.IPADDR, f)))), error);
            case "isIpv6":
                return new Result(term(SymType.BOOL, isV6(ext(args, 0, SymEnv.IPADDR, f))), error);
            case "isLoopback": {
                BitVecExpr x = ext(args, 0, SymEnv.IPADDR, f);
                BoolExpr v6 = ctx.mkAnd(ctx.mkEq(address(x), ctx.mkBV(1, 128)), ctx.mkEq(prefix(x), ctx.mkBV(128, 8)));
                BoolExpr v4 = ctx.mkAnd(ctx.mkEq(ctx.mkExtract(31, 24, address(x)), ctx.mkBV(127, 8)),
                        ctx.mkBVUGE(prefix(x), ctx.mkBV(8, 8)));
                return new Result(term(SymType.BOOL, ctx.mkITE(isV6(x), v6, v4)), error);
            }
            case "isMulticast": {
                BitVecExpr x = ext(args, 0, SymEnv.IPADDR, f);
                BoolExpr v6 = ctx.mkAnd(ctx.mkEq(ctx.mkExtract(127, 120, address(x)), ctx.mkBV(0xff, 8)),
                        ctx.mkBVUGE(prefix(x), ctx.mkBV(8, 8)));
                BoolExpr v4 = ctx.mkAnd(ctx.mkEq(ctx.mkExtract(31, 28, address(x)), ctx.mkBV(0xe, 4)),
                        ctx.mkBVUGE(prefix(x), ctx.mkBV(4, 8)));
                return new Result(term(SymType.BOOL, ctx.mkITE(isV6(x), v6, v4)), error);
            }
            case "isInRange": {
                BitVecExpr x = ext(args, 0, SymEnv.IPADDR, f);
                BitVecExpr r = ext(args, 1, SymEnv.IPADDR, f);
                BoolExpr in = ctx.mkAnd(ctx.mkEq(isV6(x), isV6(r)),
                        ctx.mkBVULE(network(r), network(x)), ctx.mkBVULE(broadcast(x), broadcast(r)));
                return new Result(term(SymType.BOOL, in), error);
            }
            case "toTime":
                return new Result(term(DURATION, ctx.mkBVSMod(ext(args, 0, DATETIME, f), ctx.mkBV(MILLIS_PER_DAY, 64))), error);
            case "toMilliseconds":
                return new Result(term(SymType.LONG, ext(args, 0, DURATION, f)), error);
            case "toSeconds":
                return new Result(term(SymType.LONG, ctx.mkBVSDiv(ext(args, 0, DURATION, f), ctx.mkBV(1_000L, 64))), error);
            case "toMinutes":
                return new Result(term(SymType.LONG, ctx.mkBVSDiv(ext(args, 0, DURATION, f), ctx.mkBV(60_000L, 64))), error);
            case "toHours":
                return new Result(term(SymType.LONG, ctx.mkBVSDiv(ext(args, 0, DURATION, f), ctx.mkBV(3_600_000L, 64))), error);
            case "toDays":
                return new Result(term(SymType.LONG, ctx.mkBVSDiv(ext(args, 0, DURATION, f), ctx.mkBV(MILLIS_PER_DAY, 64))), error);
            default:
                throw new Unsupported("extension function `" + f + "`");
        }
    }

    private BoolExpr isV6(BitVecExpr ip) {
        return ctx.mkEq(ctx.mkExtract(136, 136, ip), ctx.mkBV(1, 1));
    }

    private BitVecExpr address(BitVecExpr ip) {
        return ctx.mkExtract(135, 8, ip);
    }

    private BitVecExpr prefix(BitVecExpr ip) {
        return ctx.mkExtract(7, 0, ip);
    }

    /** All ones above the host bits of the range: 32 or 128 bits minus the prefix length are host bits. */
    private BitVecExpr networkMask(BitVecExpr ip) {
        BitVecExpr bits = (BitVecExpr) ctx.mkITE(isV6(ip), ctx.mkBV(128, 128), ctx.mkBV(32, 128));
        BitVecExpr hostBits = ctx.mkBVSub(bits, ctx.mkZeroExt(120, prefix(ip)));
        return ctx.mkBVSHL(ctx.mkBVNot(ctx.mkBV(0, 128)), hostBits);
    }

    private BitVecExpr network(BitVecExpr ip) {
        return ctx.mkBVAND(address(ip), networkMask(ip));
    }

    private BitVecExpr broadcast(BitVecExpr ip) {
        return ctx.mkBVOR(address(ip), ctx.mkBVNot(networkMask(ip)));
    }

    /** An {@code ipaddr} value as the encoding's 137 bits. */
    Expr ipLiteral(io.cedarwood.engine.value.IpAddrValue ip) {
        java.math.BigInteger bits = (ip.ipv6() ? java.math.BigInteger.ONE.shiftLeft(136) : java.math.BigInteger.ZERO)
                .or(ip.address().shiftLeft(8)).or(java.math.BigInteger.valueOf(ip.prefixLength()));
        return ctx.mkBV(bits.toString(), SymEnv.IP_BITS);
    }

    /** {@code decimal("...")}, {@code datetime("...")}, {@code duration("...")}, {@code ip("...")} of a string literal. */
    private Result constructor(String f, List<io.cedarwood.engine.ast.Expr> args) {
        if (args.size() != 1 || !(args.get(0) instanceof io.cedarwood.engine.ast.Expr.Literal l)
                || !(l.value() instanceof StringValue s)) {
            throw new Unsupported("`" + f + "` of anything but a string literal");
        }
        SymType type = f.equals("ip") ? SymEnv.IPADDR : new SymType.Ext(f);
        Expr value;
        try {
            value = switch (f) {
                case "decimal" -> ctx.mkBV(io.cedarwood.engine.value.DecimalValue.parse(s.value()).unscaled(), 64);
                case "datetime" -> ctx.mkBV(io.cedarwood.engine.value.DatetimeValue.parse(s.value()).epochMillis(), 64);
                case "duration" -> ctx.mkBV(io.cedarwood.engine.value.DurationValue.parse(s.value()).millis(), 64);
                default -> ipLiteral(io.cedarwood.engine.value.IpAddrValue.parse(s.value()));
            };
        } catch (RuntimeException e) {
            // a string the constructor refuses: evaluating it always errors
            return new Result(term(type, ctx.mkConst("refused", env.sortOf(type))), ctx.mkTrue());
        }
        return ok(term(type, value));
    }

    private BitVecExpr ext(List<Result> args, int i, SymType type, String f) {
        if (args.size() <= i || !(args.get(i).value() instanceof SymValue.Term t) || !type.equals(t.type())) {
            throw new Unsupported("`" + f + "` of arguments of other types");
        }
        return (BitVecExpr) t.term();
    }

    // ---- leaves

    private SymValue literal(Value v) {
        if (v instanceof BoolValue b) {
            return term(SymType.BOOL, ctx.mkBool(b.value()));
        } else if (v instanceof LongValue l) {
            return term(SymType.LONG, ctx.mkBV(l.value(), 64));
        } else if (v instanceof StringValue s) {
            return term(SymType.STRING, stringLiteral(s.value()));
        } else if (v instanceof EntityUid u) {
            if (u.type().isAction()) {
                return new SymValue.Action(u);
            }
            return term(new SymType.Entity(u.type()), env.literal(u));
        }
        throw new Unsupported("literal " + v.toCedar());
    }

    private SymValue variable(Variable v) {
        return switch (v) {
            case PRINCIPAL -> term(new SymType.Entity(env.env.principalType()), env.principal);
            case RESOURCE -> term(new SymType.Entity(env.env.resourceType()), env.resource);
            case ACTION -> new SymValue.Action(env.env.action());
            case CONTEXT -> env.context;
        };
    }

    /** A string literal for the solver: every code point outside printable ASCII written as an escape. */
    Expr stringLiteral(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp > SymEnv.MAX_CODE_POINT) {
                throw new Unsupported("a string with a code point above U+" + Integer.toHexString(SymEnv.MAX_CODE_POINT).toUpperCase());
            }
            if (cp >= 0x20 && cp < 0x7f && cp != '\\') {
                out.append((char) cp);
            } else {
                out.append("\\u{").append(Integer.toHexString(cp)).append('}');
            }
        });
        return ctx.mkString(out.toString());
    }

    private ReExpr regex(Pattern pattern) {
        List<ReExpr<SeqSort<CharSort>>> parts = new ArrayList<>();
        for (Pattern.Element el : pattern.elements()) {
            if (el instanceof Pattern.Text t) {
                parts.add(ctx.mkToRe((SeqExpr<CharSort>) stringLiteral(t.text())));
            } else {
                parts.add(ctx.mkFullRe(ctx.mkReSort(ctx.mkStringSort())));
            }
        }
        if (parts.isEmpty()) {
            return ctx.mkToRe((SeqExpr) ctx.mkString(""));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ReExpr<SeqSort<CharSort>> out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = ctx.mkConcat(out, parts.get(i));
        }
        return out;
    }

    // ---- compound forms

    private Result ifThenElse(io.cedarwood.engine.ast.Expr.If i) {
        Result c = bool(compile(i.condition()));
        BoolExpr cv = boolTerm(c);
        if (isTrue(cv) && isFalse(c.error())) {
            return compile(i.thenExpr());
        }
        if (isFalse(cv) && isFalse(c.error())) {
            return compile(i.elseExpr());
        }
        Result t = compile(i.thenExpr());
        Result f = compile(i.elseExpr());
        return new Result(ite(cv, t.value(), f.value()), or(c.error(), (BoolExpr) ctx.mkITE(cv, t.error(), f.error())));
    }

    private SymValue ite(BoolExpr c, SymValue a, SymValue b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof SymValue.Term x && b instanceof SymValue.Term y && x.term() != null && y.term() != null
                && Objects.equals(x.type(), y.type())) {
            return term(x.type(), ctx.mkITE(c, x.term(), y.term()));
        }
        if (a instanceof SymValue.Rec x && b instanceof SymValue.Rec y && x.fields().keySet().equals(y.fields().keySet())) {
            Map<String, SymValue.Field> fields = new LinkedHashMap<>();
            for (String k : x.fields().keySet()) {
                SymValue.Field fx = x.fields().get(k);
                SymValue.Field fy = y.fields().get(k);
                fields.put(k, new SymValue.Field(ite(c, fx.value(), fy.value()),
                        (BoolExpr) ctx.mkITE(c, fx.present(), fy.present())));
            }
            return new SymValue.Rec(fields);
        }
        throw new Unsupported("`if` whose branches have different types");
    }

    private Result unary(io.cedarwood.engine.ast.Expr.Unary u) {
        Result o = compile(u.operand());
        switch (u.op()) {
            case NOT:
                return new Result(term(SymType.BOOL, ctx.mkNot(boolTerm(bool(o)))), o.error());
            case NEG: {
                BitVecExpr x = longTerm(o.value(), "`-`");
                return new Result(term(SymType.LONG, ctx.mkBVNeg(x)), or(o.error(), ctx.mkNot(ctx.mkBVNegNoOverflow(x))));
            }
            default: {
                Expr s = setTerm(o.value(), "`isEmpty`");
                return new Result(term(SymType.BOOL, isEmpty(s, o.value())), o.error());
            }
        }
    }

    private Result binary(io.cedarwood.engine.ast.Expr.Binary b) {
        Result l = compile(b.left());
        Result r = compile(b.right());
        BoolExpr error = or(l.error(), r.error());
        SymValue x = l.value();
        SymValue y = r.value();
        switch (b.op()) {
            case EQ:
                return new Result(term(SymType.BOOL, eq(x, y)), error);
            case NOT_EQ:
                return new Result(term(SymType.BOOL, ctx.mkNot(eq(x, y))), error);
            case LESS: {
                BitVecExpr[] o = ordered(x, y, "`<`");
                return new Result(term(SymType.BOOL, ctx.mkBVSLT(o[0], o[1])), error);
            }
            case LESS_EQ: {
                BitVecExpr[] o = ordered(x, y, "`<=`");
                return new Result(term(SymType.BOOL, ctx.mkBVSLE(o[0], o[1])), error);
            }
            case GREATER: {
                BitVecExpr[] o = ordered(x, y, "`>`");
                return new Result(term(SymType.BOOL, ctx.mkBVSGT(o[0], o[1])), error);
            }
            case GREATER_EQ: {
                BitVecExpr[] o = ordered(x, y, "`>=`");
                return new Result(term(SymType.BOOL, ctx.mkBVSGE(o[0], o[1])), error);
            }
            case ADD: {
                BitVecExpr p = longTerm(x, "`+`");
                BitVecExpr q = longTerm(y, "`+`");
                BoolExpr fits = ctx.mkAnd(ctx.mkBVAddNoOverflow(p, q, true), ctx.mkBVAddNoUnderflow(p, q));
                return new Result(term(SymType.LONG, ctx.mkBVAdd(p, q)), or(error, ctx.mkNot(fits)));
            }
            case SUB: {
                BitVecExpr p = longTerm(x, "`-`");
                BitVecExpr q = longTerm(y, "`-`");
                BoolExpr fits = ctx.mkAnd(ctx.mkBVSubNoOverflow(p, q), ctx.mkBVSubNoUnderflow(p, q, true));
                return new Result(term(SymType.LONG, ctx.mkBVSub(p, q)), or(error, ctx.mkNot(fits)));
            }
            case MUL: {
                BitVecExpr p = longTerm(x, "`*`");
                BitVecExpr q = longTerm(y, "`*`");
                BoolExpr fits = ctx.mkAnd(ctx.mkBVMulNoOverflow(p, q, true), ctx.mkBVMulNoUnderflow(p, q));
                return new Result(term(SymType.LONG, ctx.mkBVMul(p, q)), or(error, ctx.mkNot(fits)));
            }
            case IN:
                return new Result(term(SymType.BOOL, in(x, y)), error);
            case CONTAINS:
                return new Result(term(SymType.BOOL, contains(x, y)), error);
            case CONTAINS_ALL: {
                Expr s = setTerm(x, "`containsAll`");
                Expr t = setTerm(y, "`containsAll`");
                return new Result(term(SymType.BOOL, subset(t, y, s, x)), error);
            }
            case CONTAINS_ANY: {
                Expr s = setTerm(x, "`containsAny`");
                Expr t = setTerm(y, "`containsAny`");
                return new Result(term(SymType.BOOL, ctx.mkNot(disjointSets(s, x, t, y))), error);
            }
            case HAS_TAG: {
                EntityType type = entityType(x, "`hasTag`");
                if (x instanceof SymValue.Action || !env.hasTags(type)) {
                    return new Result(term(SymType.BOOL, ctx.mkFalse()), error);
                }
                Expr key = string(y, "`hasTag`");
                return new Result(term(SymType.BOOL, ctx.mkSelect(env.tagKeys(type, entityTerm(x, "`hasTag`")), key)), error);
            }
            default: {
                EntityType type = entityType(x, "`getTag`");
                if (x instanceof SymValue.Action || !env.hasTags(type)) {
                    throw new Unsupported("`getTag` on an entity whose type has no tags");
                }
                Expr e = entityTerm(x, "`getTag`");
                Expr key = string(y, "`getTag`");
                BoolExpr has = (BoolExpr) ctx.mkSelect(env.tagKeys(type, e), key);
                return new Result(env.wellFormed(env.tagValue(type, e, key)), or(error, ctx.mkNot(has)));
            }
        }
    }

    private Result setLiteral(io.cedarwood.engine.ast.Expr.SetLit s) {
        List<BoolExpr> errors = new ArrayList<>();
        List<SymValue> elements = new ArrayList<>();
        for (io.cedarwood.engine.ast.Expr el : s.elements()) {
            Result r = compile(el);
            errors.add(r.error());
            elements.add(r.value());
        }
        BoolExpr error = or(errors.toArray(new BoolExpr[0]));
        if (elements.isEmpty()) {
            return new Result(new SymValue.Term(new SymType.SetOf(null), null), error);
        }
        if (elements.stream().allMatch(v -> v instanceof SymValue.Action)) {
            Set<EntityUid> uids = new LinkedHashSet<>();
            elements.forEach(v -> uids.add(((SymValue.Action) v).uid()));
            return new Result(new SymValue.ActionSet(uids), error);
        }
        SymType type = null;
        for (SymValue v : elements) {
            if (!(v instanceof SymValue.Term t) || t.type() instanceof SymType.SetOf
                    || (type != null && !type.equals(t.type()))) {
                throw new Unsupported("a set literal of sets, records, actions or mixed types");
            }
            type = t.type();
        }
        Expr set = ctx.mkEmptySet(env.sortOf(type));
        for (SymValue v : elements) {
            set = ctx.mkSetAdd(set, ((SymValue.Term) v).term());
        }
        return new Result(term(new SymType.SetOf(type), set), error);
    }

    // ---- operators

    /** Cedar's {@code ==}: values of different types are unequal, records by their fields. */
    BoolExpr eq(SymValue x, SymValue y) {
        if (x instanceof SymValue.Action a) {
            return ctx.mkBool(y instanceof SymValue.Action b && a.uid().equals(b.uid()));
        }
        if (y instanceof SymValue.Action) {
            return ctx.mkFalse();
        }
        if (x instanceof SymValue.ActionSet || y instanceof SymValue.ActionSet) {
            throw new Unsupported("comparing sets of actions");
        }
        if (x instanceof SymValue.Rec a && y instanceof SymValue.Rec b) {
            List<BoolExpr> all = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>(a.fields().keySet());
            keys.addAll(b.fields().keySet());
            for (String k : keys) {
                SymValue.Field fa = a.fields().get(k);
                SymValue.Field fb = b.fields().get(k);
                if (fa == null || fb == null) {
                    all.add(ctx.mkNot((fa == null ? fb : fa).present()));
                } else {
                    all.add(ctx.mkEq(fa.present(), fb.present()));
                    all.add(ctx.mkImplies(fa.present(), eq(fa.value(), fb.value())));
                }
            }
            return all.isEmpty() ? ctx.mkTrue() : ctx.mkAnd(all.toArray(new BoolExpr[0]));
        }
        if (!(x instanceof SymValue.Term a) || !(y instanceof SymValue.Term b)) {
            return ctx.mkFalse();
        }
        if (a.type() == null || b.type() == null) {
            throw new Unsupported("comparing values of a type the encoding does not cover");
        }
        if (a.type() instanceof SymType.SetOf sa && b.type() instanceof SymType.SetOf sb) {
            if (sa.element() == null || sb.element() == null || !sa.element().equals(sb.element())) {
                // sets of different element types are equal only when both are empty
                return ctx.mkAnd(isEmpty(a.term(), a), isEmpty(b.term(), b));
            }
            return ctx.mkEq(a.term(), b.term());
        }
        if (!a.type().equals(b.type())) {
            return ctx.mkFalse();
        }
        env.wellFormed(a);
        env.wellFormed(b);
        return ctx.mkEq(a.term(), b.term());
    }

    /** {@code x in y}: y an entity or a set of entities. */
    private BoolExpr in(SymValue x, SymValue y) {
        if (x instanceof SymValue.Action a) {
            Set<EntityUid> targets = y instanceof SymValue.Action b ? Set.of(b.uid())
                    : y instanceof SymValue.ActionSet s ? s.uids() : null;
            if (targets == null) {
                if (y instanceof SymValue.Term t && t.type() instanceof SymType.SetOf s && s.element() == null) {
                    return ctx.mkFalse();
                }
                if (y instanceof SymValue.Term t && (t.type() instanceof SymType.Entity
                        || t.type() instanceof SymType.SetOf s && s.element() instanceof SymType.Entity)) {
                    return ctx.mkFalse(); // an action is in no entity of another type
                }
                throw new Unsupported("`in` of an action and a value that is not a known action");
            }
            for (EntityUid target : targets) {
                if (a.uid().equals(target) || env.schema.action(a.uid()).map(d -> d.ancestors().contains(target)).orElse(false)) {
                    return ctx.mkTrue();
                }
            }
            return ctx.mkFalse();
        }
        Expr e = entityTerm(x, "`in`");
        EntityType tx = ((SymType.Entity) ((SymValue.Term) x).type()).type();
        if (y instanceof SymValue.Action || y instanceof SymValue.ActionSet) {
            return ctx.mkFalse();
        }
        if (!(y instanceof SymValue.Term t) || t.type() == null) {
            throw new Unsupported("`in` of an entity and a value that is not an entity or set of entities");
        }
        if (t.type() instanceof SymType.Entity te) {
            BoolExpr same = te.type().equals(tx) ? ctx.mkEq(e, t.term()) : ctx.mkFalse();
            if (!env.ancestorTypes(tx).contains(te.type())) {
                return same;
            }
            env.addToFootprint(tx, e);
            return ctx.mkOr(same, (BoolExpr) ctx.mkSelect(env.ancestors(tx, te.type(), e), t.term()));
        }
        if (t.type() instanceof SymType.SetOf s) {
            if (s.element() == null) {
                return ctx.mkFalse();
            }
            if (!(s.element() instanceof SymType.Entity se)) {
                throw new Unsupported("`in` of an entity and a set that is not of entities");
            }
            BoolExpr member = se.type().equals(tx) ? (BoolExpr) ctx.mkSelect((ArrayExpr) t.term(), e) : ctx.mkFalse();
            if (!env.ancestorTypes(tx).contains(se.type())) {
                return member;
            }
            env.addToFootprint(tx, e);
            ArrayExpr anc = env.ancestors(tx, se.type(), e);
            return ctx.mkOr(member, ctx.mkNot(ctx.mkEq(ctx.mkSetIntersection(anc, (ArrayExpr) t.term()),
                    ctx.mkEmptySet(env.sort(se.type())))));
        }
        throw new Unsupported("`in` of an entity and a value that is not an entity or set of entities");
    }

    private BoolExpr contains(SymValue set, SymValue v) {
        if (set instanceof SymValue.ActionSet s) {
            return ctx.mkBool(v instanceof SymValue.Action a && s.uids().contains(a.uid()));
        }
        Expr s = setTerm(set, "`contains`");
        SymType element = ((SymType.SetOf) ((SymValue.Term) set).type()).element();
        if (element == null) {
            return ctx.mkFalse();
        }
        if (!(v instanceof SymValue.Term t) || t.type() == null) {
            if (v instanceof SymValue.Rec || v instanceof SymValue.Action) {
                return ctx.mkFalse(); // the set holds no records or actions
            }
            throw new Unsupported("`contains` of a value the encoding does not cover");
        }
        if (!element.equals(t.type())) {
            if (t.type() instanceof SymType.SetOf) {
                throw new Unsupported("`contains` of a set");
            }
            return ctx.mkFalse();
        }
        return (BoolExpr) ctx.mkSelect((ArrayExpr) s, t.term());
    }

    /** {@code sub ⊆ sup}. */
    private BoolExpr subset(Expr sub, SymValue subV, Expr sup, SymValue supV) {
        SymType a = ((SymType.SetOf) ((SymValue.Term) subV).type()).element();
        SymType b = ((SymType.SetOf) ((SymValue.Term) supV).type()).element();
        if (a == null) {
            return ctx.mkTrue();
        }
        if (b == null || !a.equals(b)) {
            return isEmpty(sub, subV);
        }
        return ctx.mkSetSubset(sub, sup);
    }

    private BoolExpr disjointSets(Expr s, SymValue sv, Expr t, SymValue tv) {
        SymType a = ((SymType.SetOf) ((SymValue.Term) sv).type()).element();
        SymType b = ((SymType.SetOf) ((SymValue.Term) tv).type()).element();
        if (a == null || b == null || !a.equals(b)) {
            return ctx.mkTrue();
        }
        return ctx.mkEq(ctx.mkSetIntersection(s, t), ctx.mkEmptySet(env.sortOf(a)));
    }

    private BoolExpr isEmpty(Expr s, SymValue v) {
        SymType element = ((SymType.SetOf) ((SymValue.Term) v).type()).element();
        if (element == null) {
            return ctx.mkTrue();
        }
        return ctx.mkEq(s, ctx.mkEmptySet(env.sortOf(element)));
    }

    /** The field of a record or an entity's attribute; null when the type has no such attribute. */
    private SymValue.Field field(SymValue v, String attribute, String what) {
        if (v instanceof SymValue.Rec r) {
            return r.fields().get(attribute);
        }
        if (v instanceof SymValue.Term t && t.type() instanceof SymType.Entity e) {
            return env.attributes(e.type(), t.term()).fields().get(attribute);
        }
        throw new Unsupported(what + " on a value that is not an entity or a record");
    }

    // ---- typed access

    private Result bool(Result r) {
        if (!(r.value() instanceof SymValue.Term t) || !(t.type() instanceof SymType.Bool)) {
            throw new Unsupported("a type error (a bool was expected)");
        }
        return r;
    }

    private static BoolExpr boolTerm(Result r) {
        return (BoolExpr) ((SymValue.Term) r.value()).term();
    }

    /** The two operands of {@code <} and friends: two longs, two datetimes or two durations. */
    private BitVecExpr[] ordered(SymValue x, SymValue y, String what) {
        if (x instanceof SymValue.Term a && y instanceof SymValue.Term b && a.type() != null && a.type().equals(b.type())
                && (a.type() instanceof SymType.Long || a.type().equals(DATETIME) || a.type().equals(DURATION))) {
            return new BitVecExpr[] {(BitVecExpr) a.term(), (BitVecExpr) b.term()};
        }
        throw new Unsupported(what + " on values that are not two longs, datetimes or durations");
    }

    private BitVecExpr longTerm(SymValue v, String what) {
        if (v instanceof SymValue.Term t && t.type() instanceof SymType.Long) {
            return (BitVecExpr) t.term();
        }
        throw new Unsupported(what + " on a value that is not a long");
    }

    private Expr string(SymValue v, String what) {
        if (v instanceof SymValue.Term t && t.type() instanceof SymType.Str) {
            return t.term();
        }
        throw new Unsupported(what + " on a value that is not a string");
    }

    private Expr setTerm(SymValue v, String what) {
        if (v instanceof SymValue.Term t && t.type() instanceof SymType.SetOf) {
            return t.term();
        }
        throw new Unsupported(what + " on a value that is not a set of bools, longs, strings or entities");
    }

    private Expr entityTerm(SymValue v, String what) {
        if (v instanceof SymValue.Term t && t.type() instanceof SymType.Entity) {
            return t.term();
        }
        throw new Unsupported(what + " on a value that is not an entity");
    }

    private EntityType entityType(SymValue v, String what) {
        if (v instanceof SymValue.Action a) {
            return a.uid().type();
        }
        if (v instanceof SymValue.Term t && t.type() instanceof SymType.Entity e) {
            return e.type();
        }
        throw new Unsupported(what + " on a value that is not an entity");
    }

    private static SymValue term(SymType type, Expr e) {
        return new SymValue.Term(type, e);
    }

    private Result ok(SymValue v) {
        return new Result(v, ctx.mkFalse());
    }

    private BoolExpr or(BoolExpr... parts) {
        List<BoolExpr> kept = new ArrayList<>();
        for (BoolExpr p : parts) {
            if (isTrue(p)) {
                return ctx.mkTrue();
            }
            if (!isFalse(p)) {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return ctx.mkFalse();
        }
        return kept.size() == 1 ? kept.get(0) : ctx.mkOr(kept.toArray(new BoolExpr[0]));
    }

    private static boolean isFalse(BoolExpr e) {
        return e.simplify().isFalse();
    }

    private static boolean isTrue(BoolExpr e) {
        return e.simplify().isTrue();
    }
}
