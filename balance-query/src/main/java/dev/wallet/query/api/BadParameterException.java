package dev.wallet.query.api;

/** A query parameter that breaks its rule; answered as a 400 problem naming the parameter and the rule. */
public final class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(final String parameter, final String rule) {
        super(rule);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
