package org.rectrack.platform.paging;

/** A validated page of a list: zero-based number and size. */
public record PageRequest(int page, int size) {

    public int offset() {
        return page * size;
    }
}
