package kr.smartsenior.edge.ui;

/**
 * The fast-changing part of a countdown or measuring screen.
 *
 * @param big      the big number or value ("3", "14", "8.4")
 * @param caption  a line under it ("남은 시간 18초"), may be empty
 * @param progress 0 to 1 for a fixed-length test, negative when there is no bar
 */
public record Live(String big, String caption, double progress) {

    static final Live NONE = new Live("", "", -1);
}
