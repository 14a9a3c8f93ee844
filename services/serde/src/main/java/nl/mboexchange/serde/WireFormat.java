package nl.mboexchange.serde;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as a 4-byte big-endian int,
 * then the Avro binary encoding of the value.
 */
public final class WireFormat {

    /** The first byte of every record. */
    public static final byte MAGIC_BYTE = 0;

    /** Bytes before the Avro body: the magic byte and the schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /**
     * Reads the schema id from a record's header.
     *
     * @param bytes a serialized record
     * @return the writer schema's id
     * @throws UnknownMagicByte if the first byte is not {@link #MAGIC_BYTE}
     * @throws TruncatedRecord if the bytes are shorter than the header
     */
    public static int schemaId(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] != MAGIC_BYTE) {
            throw new UnknownMagicByte(String.format(
                    "expected magic byte 0 of the Confluent wire format, found 0x%02x in %d bytes",
                    bytes[0] & 0xff, bytes.length));
        }
        if (bytes.length < HEADER_SIZE) {
            throw new TruncatedRecord("a record needs at least " + HEADER_SIZE
                    + " bytes (magic byte and schema id), got " + bytes.length);
        }
        return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
    }

    static byte[] header(int schemaId) {
        return new byte[] {
            MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8), (byte) schemaId
        };
    }
}
