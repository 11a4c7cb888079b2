package kr.smartsenior.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * JSON for protocol v1. Thread-safe; make one and share it.
 *
 * <p>Decoding takes untrusted bytes and never throws: oversized payloads, garbage, deep nesting
 * and wrong types all come back as {@link Decoded.Malformed} with a reason. A batch is checked
 * record by record, so one bad record is rejected alone.
 */
public final class ProtocolCodec {

    /** No message of ours is larger; anything bigger is refused before parsing. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    /** A kiosk sends at most this many records in one batch. */
    public static final int MAX_RECORDS_PER_BATCH = 500;
    /** A record's {@code detail} object, as JSON, is at most this large. */
    public static final int MAX_DETAIL_BYTES = 8 * 1024;

    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public ProtocolCodec() {
        JsonMapper built = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // a fraction where a whole number belongs (a level, a version) is malformed, not truncated
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        built.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxNumberLength(64)
                .maxStringLength(MAX_PAYLOAD_BYTES)
                .build());
        this.mapper = built;
    }

    /** Writes any protocol message as UTF-8 JSON. */
    public byte[] encode(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Writes a {@link MeasurementBatch} whose records are already JSON (as a kiosk keeps them in its
     * outbox): each record goes out byte for byte as given, inside the batch's envelope.
     *
     * @param records one JSON object per record, as {@link #encode(Object)} wrote a {@link MeasurementRecord}
     */
    public byte[] encodeBatch(String batchId, String deviceId, OffsetDateTime sentAt, List<String> records) {
        return encode(new EncodedBatch(batchId, deviceId, sentAt, records.stream().map(RawValue::new).toList()));
    }

    /** The shape of {@link MeasurementBatch}, with its records already in JSON. */
    record EncodedBatch(String batchId, String deviceId, OffsetDateTime sentAt, List<RawValue> records) {
    }

    /**
     * Reads a measurement batch and validates each record against the catalogue.
     *
     * @param payload the message bytes as received
     * @param now     the receiver's clock, for the "taken in the future" check
     */
    public Decoded<ReceivedBatch> decodeBatch(byte[] payload, Instant now) {
        try {
            return readBatch(payload, now);
        } catch (RuntimeException e) {
            // a defect of ours, not of the sender: still never let hostile bytes escape as an exception
            return new Decoded.Malformed<>("unreadable batch: " + e.getClass().getSimpleName());
        }
    }

    private Decoded<ReceivedBatch> readBatch(byte[] payload, Instant now) {
        Decoded<JsonNode> tree = readTree(payload);
        if (tree instanceof Decoded.Malformed<JsonNode>(String reason)) {
            return new Decoded.Malformed<>(reason);
        }
        JsonNode root = ((Decoded.Ok<JsonNode>) tree).value();
        if (!root.isObject()) {
            return new Decoded.Malformed<>("batch must be a JSON object");
        }
        String batchId = text(root, "batchId");
        if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
            return new Decoded.Malformed<>("batchId missing or not 1-64 letters, digits, '-' or '_'");
        }
        String deviceId = text(root, "deviceId");
        if (!Topics.isValidId(deviceId)) {
            return new Decoded.Malformed<>("batch " + batchId + ": deviceId missing or invalid");
        }
        JsonNode records = root.get("records");
        if (records == null || !records.isArray()) {
            return new Decoded.Malformed<>("batch " + batchId + ": records must be an array");
        }
        if (records.size() > MAX_RECORDS_PER_BATCH) {
            return new Decoded.Malformed<>("batch " + batchId + ": " + records.size() + " records exceed "
                    + MAX_RECORDS_PER_BATCH);
        }
        OffsetDateTime sentAt = parseTime(text(root, "sentAt")).orElse(null);

        List<MeasurementRecord> valid = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode node = records.get(i);
            String idText = node.isObject() ? text(node, "id") : null;
            String label = idText != null ? RecordValidator.clip(idText) : "#" + i;
            Decoded<MeasurementRecord> read = readRecordSafely(node);
            if (read instanceof Decoded.Malformed<MeasurementRecord>(String reason)) {
                rejected.add(new Rejection(label, reason));
                continue;
            }
            MeasurementRecord record = ((Decoded.Ok<MeasurementRecord>) read).value();
            Optional<String> problem = RecordValidator.problem(record, now);
            if (problem.isPresent()) {
                rejected.add(new Rejection(record.id().toString(), problem.get()));
            } else if (seen.add(record.id())) {
                valid.add(record);
            }
        }
        return new Decoded.Ok<>(new ReceivedBatch(batchId, deviceId, sentAt, valid, rejected));
    }

    /** Reads an acknowledgement. */
    public Decoded<Ack> decodeAck(byte[] payload) {
        return decode(payload, Ack.class);
    }

    /** Reads a device status (or a Last Will). */
    public Decoded<DeviceStatus> decodeStatus(byte[] payload) {
        return decode(payload, DeviceStatus.class);
    }

    /**
     * Reads a roster. Each member's prescription is read entry by entry ({@link KioskPrescription}):
     * a program or restriction a newer server added never makes the roster unreadable.
     */
    public Decoded<Roster> decodeRoster(byte[] payload) {
        return decode(payload, Roster.class);
    }

    /** Reads a device configuration. */
    public Decoded<DeviceConfig> decodeConfig(byte[] payload) {
        return decode(payload, DeviceConfig.class);
    }

    /** Reads an update command; one that {@link UpdateCommand#problem()} finds wrong is malformed. */
    public Decoded<UpdateCommand> decodeUpdateCommand(byte[] payload) {
        Decoded<UpdateCommand> read = decode(payload, UpdateCommand.class);
        if (read instanceof Decoded.Ok<UpdateCommand>(UpdateCommand command) && command.problem().isPresent()) {
            return new Decoded.Malformed<>("update command: " + command.problem().get());
        }
        return read;
    }

    /** Reads a kiosk's update progress; campaign, version and step are required. */
    public Decoded<UpdateReport> decodeUpdateReport(byte[] payload) {
        Decoded<UpdateReport> read = decode(payload, UpdateReport.class);
        if (read instanceof Decoded.Ok<UpdateReport>(UpdateReport report)
                && (report.campaignId() < 1 || report.step() == null || !UpdateCommand.isValidVersion(report.version()))) {
            return new Decoded.Malformed<>("update report: campaignId, version and step are required");
        }
        return read;
    }

    private <T> Decoded<T> decode(byte[] payload, Class<T> type) {
        Decoded<JsonNode> tree = readTree(payload);
        if (tree instanceof Decoded.Malformed<JsonNode>(String reason)) {
            return new Decoded.Malformed<>(reason);
        }
        JsonNode root = ((Decoded.Ok<JsonNode>) tree).value();
        if (!root.isObject()) {
            return new Decoded.Malformed<>(type.getSimpleName() + " must be a JSON object");
        }
        try {
            return new Decoded.Ok<>(mapper.treeToValue(root, type));
        } catch (JsonProcessingException | RuntimeException e) {
            return new Decoded.Malformed<>("not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private Decoded<JsonNode> readTree(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new Decoded.Malformed<>("empty payload");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return new Decoded.Malformed<>("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES);
        }
        try {
            JsonNode root = mapper.readTree(payload);
            if (root == null || root.isMissingNode()) {
                return new Decoded.Malformed<>("empty payload");
            }
            return new Decoded.Ok<>(root);
        } catch (IOException | RuntimeException e) {
            return new Decoded.Malformed<>("not JSON: " + firstLine(e.getMessage()));
        }
    }

    private Decoded<MeasurementRecord> readRecordSafely(JsonNode node) {
        try {
            return readRecord(node);
        } catch (RuntimeException e) {
            return new Decoded.Malformed<>("record unreadable: " + firstLine(e.getMessage()));
        }
    }

    private Decoded<MeasurementRecord> readRecord(JsonNode node) {
        if (!node.isObject()) {
            return new Decoded.Malformed<>("record must be a JSON object");
        }
        String idText = text(node, "id");
        if (idText == null) {
            return new Decoded.Malformed<>("id missing");
        }
        if (!CANONICAL_UUID.matcher(idText).matches()) {
            return new Decoded.Malformed<>("id is not a UUID");
        }
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            return new Decoded.Malformed<>("value missing");
        }
        if (!value.isNumber()) {
            return new Decoded.Malformed<>("value must be a JSON number");
        }
        String takenAtText = text(node, "takenAt");
        if (takenAtText == null) {
            return new Decoded.Malformed<>("takenAt missing");
        }
        Optional<OffsetDateTime> takenAt = parseTime(takenAtText);
        if (takenAt.isEmpty()) {
            return new Decoded.Malformed<>("takenAt '" + RecordValidator.clip(takenAtText)
                    + "' is not ISO-8601 with an offset");
        }
        JsonNode detailNode = node.get("detail");
        Map<String, Object> detail = Map.of();
        if (detailNode != null && !detailNode.isNull()) {
            if (!detailNode.isObject()) {
                return new Decoded.Malformed<>("detail must be a JSON object");
            }
            if (detailNode.toString().length() > MAX_DETAIL_BYTES) {
                return new Decoded.Malformed<>("detail larger than " + MAX_DETAIL_BYTES + " bytes");
            }
            detail = mapper.convertValue(detailNode, OBJECT_MAP);
        }
        BigDecimal number = value.decimalValue();
        return new Decoded.Ok<>(new MeasurementRecord(UUID.fromString(idText), text(node, "memberId"),
                text(node, "kind"), text(node, "code"), number, text(node, "unit"), takenAt.get(), detail));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Optional<OffsetDateTime> parseTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
