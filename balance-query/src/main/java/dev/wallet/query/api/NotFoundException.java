package dev.wallet.query.api;

/** The read side knows no account or transfer of this id (yet); answered as a 404 problem. */
public final class NotFoundException extends RuntimeException {

    private final String resource;
    private final String id;

    public NotFoundException(final String resource, final String id) {
        super(resource + " " + id + " is not known to the read side");
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
