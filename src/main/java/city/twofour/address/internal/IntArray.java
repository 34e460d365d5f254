package city.twofour.address.internal;

import java.util.Arrays;

/** A growable array of ints. */
public final class IntArray {

    private int[] data;
    private int size;

    public IntArray(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    public void add(int value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1));
        }
        data[size++] = value;
    }

    public int get(int i) {
        return data[i];
    }

    public int size() {
        return size;
    }

    /** Drops spare capacity. */
    public void trim() {
        data = Arrays.copyOf(data, size);
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }

    public long estimatedBytes() {
        return 16 + 4L * data.length;
    }
}
