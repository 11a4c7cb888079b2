package kr.smartsenior.server.derived;

/**
 * Does one kind of derived work for one key, on a thread of the {@code ssc-derived} worker. A
 * feature provides it as a bean. It may be called on any server instance, at most once at a time per
 * key across all instances (the row's lease); it must be idempotent, since work interrupted by a
 * crash is done again. Throwing leaves the row in the queue, tried again later.
 */
public interface WorkHandler {

    WorkKind kind();

    void perform(String key) throws Exception;
}
