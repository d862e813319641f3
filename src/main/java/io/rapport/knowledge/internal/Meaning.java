package io.rapport.knowledge.internal;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a text means, as a sentence embedding: the quantized all-MiniLM-L6-v2 model (LangChain4j, ONNX, in process;
 * ADR 30), 384 numbers of unit length, so that the cosine of two texts is their dot product. The model is loaded once
 * per JVM, when first needed (about a second), and is safe to use from many threads. About 5 ms per short text here.
 */
public final class Meaning {

    /** The name stored beside each vector: vectors from another model are not comparable. */
    public static final String MODEL = "all-minilm-l6-v2-q";

    public static final int DIMENSIONS = 384;

    /** Longer texts say no more about the problem and cost more: the start is where customers state it. */
    static final int MAX_CHARS = 1_000;

    private Meaning() {}

    private static final class Model {
        static final AllMiniLmL6V2QuantizedEmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The unit vector of this text (its first {@value #MAX_CHARS} characters). */
    public static float[] of(String text) {
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return unit(Model.INSTANCE.embed(cut.isBlank() ? "-" : cut).content().vector());
    }

    /** A problem as the watch and the index see it: the subject, then what the customer wrote. */
    public static String problemText(String subject, String text) {
        String s = subject == null ? "" : subject.strip();
        String t = text == null ? "" : text.strip();
        return s.isEmpty() ? t : t.isEmpty() ? s : s + "\n" + t;
    }

    /** A ticket's problem: its subject, then the first thing its customer wrote (where the problem is stated). */
    public static String problemText(io.rapport.tickets.TicketDocument ticket) {
        for (io.rapport.tickets.TicketDocument.Text m : ticket.messages()) {
            if (m.author() == io.rapport.tickets.AuthorType.CUSTOMER
                    && m.visibility() == io.rapport.tickets.Visibility.PUBLIC
                    && m.body() != null) {
                return problemText(ticket.subject(), m.body());
            }
        }
        return problemText(ticket.subject(), "");
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** The mean of these vectors (the direction every message of a desk shares); null for none. */
    public static float[] mean(java.util.List<float[]> vectors) {
        if (vectors.isEmpty()) {
            return null;
        }
        float[] mean = new float[DIMENSIONS];
        for (float[] v : vectors) {
            for (int i = 0; i < DIMENSIONS; i++) {
                mean[i] += v[i] / vectors.size();
            }
        }
        return mean;
    }

    /** Cosine of a and b after taking {@code centre} away from both (plain cosine when centre is null). */
    public static double cosine(float[] a, float[] b, float[] centre) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = centre == null ? a[i] : a[i] - centre[i];
            double y = centre == null ? b[i] : b[i] - centre[i];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    static byte[] bytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(v);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
