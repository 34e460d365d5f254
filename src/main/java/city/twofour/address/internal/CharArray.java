package city.twofour.address.internal;

import java.util.Arrays;

/** A growable array of 16-bit values. */
public final class CharArray {

    private char[] data;
    private int size;

    public CharArray(int capacity) {
        data = new char[Math.max(4, capacity)];
    }

    public void add(char value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1));
        }
        data[size++] = value;
    }

    public char get(int i) {
        return data[i];
    }

    public int size() {
        return size;
    }

    /** Drops spare capacity. */
    public void trim() {
        data = Arrays.copyOf(data, size);
    }

    public long estimatedBytes() {
        return 16 + 2L * data.length;
    }
}
