#!/usr/bin/python3
"""An example SIS client of an MBO Exchange node, on Confluent's own Python client.

Sends one command to a school's commands topic and prints what comes back on the school's events topic: the
answer to the command (an EnrolmentUpdate naming its commandId, or a CommandRejected), and with --follow whatever
else happens to the enrolment in the seconds after. Every line printed is one JSON object:

  {"sent": "<schema>", "topic": ..., "key": ..., "value": {...}}
  {"received": "<schema>", "topic": ..., "partition": ..., "offset": ..., "key": ..., "value": {...}}

Usage:
  sis_client.py [options] COMMAND [FIELDS]

  COMMAND   RequestEnrolment, AcceptEnrolment, RejectEnrolment, WithdrawEnrolment, RecordResult, CorrectResult
            or RevokeResult: a record of schemas/src/main/avro/sis.
  FIELDS    the command's fields as one JSON object; dates as 2026-06-20, timestamps as ISO-8601. commandId,
            issuedBy and issuedAt are filled in when left out. RequestEnrolment without FIELDS requests an example
            enrolment of a new student at --host.

Examples, against the local network of deploy/run-local (schools 25LX and 30GH):
  sis_client.py --school 25LX RequestEnrolment
  sis_client.py --school 30GH AcceptEnrolment '{"enrolmentId": "<id printed above>", "note": "Room 2.14"}'
  sis_client.py --school 30GH RecordResult \\
      '{"enrolmentId": "<id>", "attempt": 1, "grade": "7.5", "finalResult": true, "assessedOn": "2026-06-20"}'

Exit status: 0 the command was carried out, 1 it was rejected, 2 no answer came in time, 3 it could not be sent.

Logs in to Kafka as the school's SIS (SASL SCRAM-SHA-512) with the login file the operator's tool wrote
(--credentials; in the local run .run-data/credentials/SCHOOL/sis.properties, the default).

Needs Debian's python3-confluent-kafka and python3-avro (apt-get install python3-confluent-kafka python3-avro), on
librdkafka 2.6.1 or later, which Kafka 4's SCRAM needs: with Debian 12's 2.0.2, run it as
LD_LIBRARY_PATH=$(.ci/librdkafka) sis_client.py ... (see schemas/sis-integration.md, "Logging in").
Keys on the exchange are plain UTF-8 strings (the enrolment id), so the Avro serializer is used for values only;
schemas are registered under the record's full name (RecordNameStrategy), as the nodes do.
"""
import argparse
import datetime
import decimal
import glob
import json
import os
import struct
import sys
import time
import uuid

try:
    from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
    from confluent_kafka import avro
    from confluent_kafka.avro import CachedSchemaRegistryClient
    from confluent_kafka.avro.error import ClientError
    from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
except ImportError as missing:
    sys.stderr.write("sis_client.py needs Confluent's Python client with Avro support (%s); on Debian or Ubuntu:\n"
                     "  apt-get install python3-confluent-kafka python3-avro\n" % missing)
    sys.exit(3)


def run_on_a_librdkafka_that_can_log_in():
    """Kafka 4 refuses the SCRAM logins of librdkafka before 2.6.1, and Debian 12 ships 2.0.2. When the newer one
    that .ci/librdkafka builds is in its cache, this script starts again on it; otherwise it says what to do."""
    import confluent_kafka
    version, number = confluent_kafka.libversion()
    if number >= 0x020601ff or os.environ.get("MBO_LIBRDKAFKA_RESTARTED"):
        return
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mbo-exchange")
    builds = sorted(glob.glob(os.path.join(cache, "librdkafka-*", "librdkafka.so.1")))
    if not builds:
        sys.stderr.write("librdkafka %s cannot log in to Kafka 4 with SCRAM (2.6.1 or later can): pip install "
                         "confluent-kafka, or build one with .ci/librdkafka\n" % version)
        return
    library = os.path.dirname(builds[-1])
    path = os.environ.get("LD_LIBRARY_PATH")
    environment = dict(os.environ, MBO_LIBRDKAFKA_RESTARTED="1",
                       LD_LIBRARY_PATH=library + (os.pathsep + path if path else ""))
    os.execve(sys.executable, [sys.executable] + sys.argv, environment)


run_on_a_librdkafka_that_can_log_in()

COMMANDS = ("RequestEnrolment", "AcceptEnrolment", "RejectEnrolment", "WithdrawEnrolment",
            "RecordResult", "CorrectResult", "RevokeResult")
SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "avro", "sis")
LOCAL_RUN_CREDENTIALS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".run-data", "credentials")
CARRIED_OUT, REJECTED, NO_ANSWER, NOT_SENT = 0, 1, 2, 3


def arguments():
    parser = argparse.ArgumentParser(
        description="Send one command to an MBO Exchange node and print the events that come back.",
        epilog="Defaults match the local network of deploy/run-local.")
    parser.add_argument("--bootstrap", default="127.0.0.1:9092", help="Kafka bootstrap servers (%(default)s)")
    parser.add_argument("--registry", default="http://127.0.0.1:8081/apis/ccompat/v7",
                        help="the Confluent Schema Registry API (%(default)s)")
    parser.add_argument("--registry-user-info", default=os.environ.get("MBO_SCHEMA_REGISTRY_USER_INFO"),
                        help="user:password of the registry's HTTP Basic auth, if it asks for one "
                        "(MBO_SCHEMA_REGISTRY_USER_INFO)")
    parser.add_argument("--prefix", default="mbo.", help="the topic prefix of the network (%(default)s)")
    parser.add_argument("--school", default="25LX", help="this SIS's school, whose node takes the command (%(default)s)")
    parser.add_argument("--credentials", help="the SIS's Kafka login, as the operator's tool writes it (username= and "
                        "password= lines); default: the local run's .run-data/credentials/SCHOOL/sis.properties")
    parser.add_argument("--security-protocol", default="SASL_PLAINTEXT",
                        help="SASL_PLAINTEXT on one host, SASL_SSL beyond it (%(default)s)")
    parser.add_argument("--host", default="30GH", help="the host school of the example RequestEnrolment (%(default)s)")
    parser.add_argument("--issued-by", default="sis-example", help="who issues the command (%(default)s)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for the answer (%(default)s)")
    parser.add_argument("--follow", type=float, default=0,
                        help="seconds to go on printing the enrolment's events after the answer (%(default)s)")
    parser.add_argument("--schemas", default=SCHEMAS, help="where the .avsc files of the SIS contract are")
    parser.add_argument("command", choices=COMMANDS, metavar="COMMAND", help=", ".join(COMMANDS))
    parser.add_argument("fields", nargs="?", help="the command's fields as a JSON object")
    return parser.parse_args()


def read_login(path):
    """The username and password in a login file of the operator's tool (Java properties, key=value lines)."""
    login = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith(("#", "!")) and "=" in line:
                key, value = line.split("=", 1)
                login[key.strip()] = value.strip().replace("\\:", ":").replace("\\=", "=")
    return login["username"], login["password"]


def kafka_config(args, school, credentials=None):
    """What librdkafka needs to reach Kafka as the SIS of the school: SASL SCRAM-SHA-512 with its login."""
    path = credentials or os.path.join(LOCAL_RUN_CREDENTIALS, school, "sis.properties")
    if not os.path.exists(path):
        raise FileNotFoundError("no Kafka login for the SIS of %s at %s (give --credentials)" % (school, path))
    username, password = read_login(path)
    return {"bootstrap.servers": args.bootstrap, "security.protocol": args.security_protocol,
            "sasl.mechanisms": "SCRAM-SHA-512", "sasl.username": username, "sasl.password": password}


def example_request(host):
    """A new student asking for a place in the example course at the host."""
    return {
        "enrolmentId": str(uuid.uuid4()),
        "hostSchool": host,
        "student": {"exchangeId": str(uuid.uuid4()), "givenName": "Sanne", "familyName": "de Vries",
                    "dateOfBirth": "2007-03-14", "email": "sanne@student.example"},
        "course": {"courseCode": "K0080", "offeringId": "2026-S1-A", "title": "Ondernemerschap",
                   "studyLoadHours": 240, "startDate": "2026-02-01", "endDate": "2026-06-30",
                   "resultScale": "NUMERIC_1_TO_10"},
    }


def to_avro(schema, value):
    """JSON values to the Python types the avro library expects for logical types."""
    kind = schema.type
    logical = getattr(schema, "logical_type", None) or schema.props.get("logicalType")
    if kind == "record":
        if not isinstance(value, dict):
            raise ValueError("%s must be a JSON object" % schema.name)
        return {f.name: to_avro(f.type, value.get(f.name, f.default if f.has_default else None))
                for f in schema.fields}
    if kind == "union":
        if value is None:
            return None
        for branch in schema.schemas:
            if branch.type != "null":
                return to_avro(branch, value)
    if value is None:
        return None
    if logical == "timestamp-millis":
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value
    if logical == "date":
        return datetime.date.fromisoformat(value) if isinstance(value, str) else value
    return value


def to_json(value):
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    return value


def emit(line):
    print(json.dumps(line, ensure_ascii=False), flush=True)


def main():
    args = arguments()
    commands_topic = "%sschool.%s.commands" % (args.prefix, args.school)
    events_topic = "%sschool.%s.events" % (args.prefix, args.school)

    if args.fields:
        fields = json.loads(args.fields)
    elif args.command == "RequestEnrolment":
        fields = example_request(args.host)
    else:
        sys.stderr.write("%s needs its fields as a JSON object, at least {\"enrolmentId\": ...}\n" % args.command)
        return NOT_SENT
    fields.setdefault("commandId", str(uuid.uuid4()))
    fields.setdefault("issuedBy", args.issued_by)
    fields.setdefault("issuedAt", datetime.datetime.now(datetime.timezone.utc).isoformat())
    command_id = fields["commandId"]
    key = fields.get("enrolmentId")
    if not key:
        sys.stderr.write("the command needs an enrolmentId\n")
        return NOT_SENT

    schema = avro.load(os.path.join(args.schemas, args.command + ".avsc"))
    registry_config = {"url": args.registry}
    if args.registry_user_info:
        registry_config.update({"basic.auth.credentials.source": "USER_INFO",
                                "basic.auth.user.info": args.registry_user_info})
    registry = CachedSchemaRegistryClient(registry_config)
    serializer = MessageSerializer(registry)

    # Listen from the current end of the events topic before sending, so that the answer cannot slip by.
    try:
        login = kafka_config(args, args.school, args.credentials)
    except FileNotFoundError as missing:
        sys.stderr.write("%s\n" % missing)
        return NOT_SENT
    # A SIS may use only consumer groups named sis-<its school>...
    consumer = Consumer(dict(login, **{
        "group.id": "sis-%s-example-%s" % (args.school, uuid.uuid4()),
        "enable.auto.commit": False,
    }))
    try:
        try:
            metadata = consumer.list_topics(events_topic, timeout=10)
        except KafkaException as failure:
            sys.stderr.write("cannot reach Kafka at %s as %s: %s\n" % (args.bootstrap, login["sasl.username"], failure))
            return NOT_SENT
        topic = metadata.topics.get(events_topic)
        if topic is None or topic.error is not None or not topic.partitions:
            sys.stderr.write("no topic %s on %s: is the node of school %s running?\n"
                             % (events_topic, args.bootstrap, args.school))
            return NOT_SENT
        start = []
        for partition in sorted(topic.partitions):
            low, high = consumer.get_watermark_offsets(TopicPartition(events_topic, partition), timeout=10)
            start.append(TopicPartition(events_topic, partition, high))
        consumer.assign(start)

        value = to_avro(schema, fields)
        # The operator registered the contract's schemas (network-admin register-schemas); a SIS looks its id up.
        # Apicurio (the local run's registry) matches the schema's exact text, which this client writes otherwise
        # than Java; there only, the look-up misses and the client registers the same schema, which Apicurio allows
        # and a locked (READONLY) Confluent registry refuses.
        try:
            schema_id = registry.check_registration(schema.fullname, schema)
        except ClientError:
            try:
                schema_id = registry.register(schema.fullname, schema)
            except ClientError as refused:
                sys.stderr.write("the registry at %s does not have %s and refuses it: %s\n"
                                 % (args.registry, schema.fullname, refused))
                return NOT_SENT
        producer = Producer(dict(login, **{"enable.idempotence": True, "acks": "all"}))
        producer.produce(topic=commands_topic, key=key.encode("utf-8"),
                         value=serializer.encode_record_with_schema_id(schema_id, value))
        if producer.flush(30):
            sys.stderr.write("the command was not delivered to %s\n" % commands_topic)
            return NOT_SENT
        emit({"sent": schema.fullname, "topic": commands_topic, "key": key, "value": to_json(value)})

        outcome = NO_ANSWER
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise KafkaException(message.error())
            if message.key() is None or message.key().decode("utf-8") != key:
                continue
            schema_id = struct.unpack(">bI", message.value()[:5])[1]
            name = registry.get_by_id(schema_id).fullname
            received = serializer.decode_message(message.value())
            emit({"received": name, "topic": message.topic(), "partition": message.partition(),
                  "offset": message.offset(), "key": key, "value": to_json(received)})
            if outcome == NO_ANSWER and str(received.get("commandId")) == command_id:
                outcome = REJECTED if name.endswith(".CommandRejected") else CARRIED_OUT
                deadline = time.monotonic() + args.follow
        if outcome == NO_ANSWER:
            sys.stderr.write("no answer to command %s on %s within %s s\n" % (command_id, events_topic, args.timeout))
        return outcome
    finally:
        consumer.close()


if __name__ == "__main__":
    sys.exit(main())
