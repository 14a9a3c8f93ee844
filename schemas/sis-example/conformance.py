#!/usr/bin/python3
"""The SIS conformance kit of MBO Exchange: plays the SIS of two schools against their running nodes.

A vendor runs it against its node(s) to check that the node behaves as schemas/sis-integration.md says, and that
its own reading of the contract matches; CI runs it against nodes started by the build (SisConformanceKitIT). It
plays the home school's SIS and the host school's SIS through a whole enrolment (request, acceptance, a provisional
result, a final correction, receipts, completion) and through the failure cases (a command with several bad fields,
a command on an unknown enrolment, a reused command id, a retry after a lost answer). It prints one line per check:

  PASS <check>: <what was expected>
  FAIL <check>: expected <what>; seen <what came instead>

and exits with 0 when every check passed, 1 when one failed, 3 when it could not start (no client, no topics).

Usage:
  conformance.py [--bootstrap HOST:PORT] [--registry URL] [--prefix PREFIX] [--home CODE] [--host CODE]

Both schools' nodes must be running on the network. Every wait is bounded (--timeout, 30 s by default). The kit
registers the command schemas under their full names, as the example client does; against a registry that only
the operator may write to, register the contract first and the kit looks the ids up under the same subjects.
It sends made-up example data only.
"""
import argparse
import datetime
import os
import struct
import sys
import time
import uuid

sys.dont_write_bytecode = True  # leave no __pycache__ beside the kit
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sis_client  # noqa: E402  (exits with 3 and the apt-get hint when Confluent's client is missing)
from sis_client import example_request, to_avro, to_json  # noqa: E402
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition  # noqa: E402
from confluent_kafka import avro  # noqa: E402
from confluent_kafka.avro import CachedSchemaRegistryClient  # noqa: E402
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer  # noqa: E402

ISSUED_BY = "conformance-kit"
NOT_STARTED = 3


def arguments():
    parser = argparse.ArgumentParser(
        description="Play the SIS of a home and a host school against their nodes and check every answer.",
        epilog="Defaults match the local network of deploy/run-local.")
    parser.add_argument("--bootstrap", default="127.0.0.1:9092", help="Kafka bootstrap servers (%(default)s)")
    parser.add_argument("--registry", default="http://127.0.0.1:8081/apis/ccompat/v7",
                        help="the Confluent Schema Registry API (%(default)s)")
    parser.add_argument("--prefix", default="mbo.", help="the topic prefix of the network (%(default)s)")
    parser.add_argument("--home", default="25LX", help="the home school, whose SIS requests (%(default)s)")
    parser.add_argument("--host", default="30GH", help="the host school, whose SIS admits and grades (%(default)s)")
    parser.add_argument("--home-credentials", help="the Kafka login of the home school's SIS; default: the local "
                        "run's .run-data/credentials/HOME/sis.properties")
    parser.add_argument("--host-credentials", help="the Kafka login of the host school's SIS; default: the local "
                        "run's .run-data/credentials/HOST/sis.properties")
    parser.add_argument("--security-protocol", default="SASL_PLAINTEXT",
                        help="SASL_PLAINTEXT on one host, SASL_SSL beyond it (%(default)s)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for each event (%(default)s)")
    parser.add_argument("--schemas", default=sis_client.SCHEMAS, help="where the .avsc files of the contract are")
    return parser.parse_args()


class NotStarted(Exception):
    pass


class Sis:
    """The SIS of one school: sends commands to its node and keeps every event the node publishes from now on."""

    def __init__(self, school, credentials, args, registry, serializer):
        self.school = school
        self.args = args
        self.registry = registry
        self.serializer = serializer
        try:
            login = sis_client.kafka_config(args, school, credentials)
        except FileNotFoundError as missing:
            raise NotStarted(str(missing))
        # Each SIS logs in as itself: it may write only its own school's commands.
        self.producer = Producer(dict(login, **{"enable.idempotence": True, "acks": "all"}))
        self.commands_topic = "%sschool.%s.commands" % (args.prefix, school)
        self.events_topic = "%sschool.%s.events" % (args.prefix, school)
        self.events = []
        self.consumer = Consumer(dict(login, **{"group.id": "sis-%s-conformance-%s" % (school, uuid.uuid4()),
                                                "enable.auto.commit": False}))
        try:
            topic = self.consumer.list_topics(self.events_topic, timeout=10).topics.get(self.events_topic)
        except KafkaException as failure:
            self.consumer.close()
            raise NotStarted("cannot reach Kafka at %s: %s" % (args.bootstrap, failure))
        if topic is None or topic.error is not None or not topic.partitions:
            self.consumer.close()
            raise NotStarted("no topic %s on %s: is the node of school %s running?"
                             % (self.events_topic, args.bootstrap, school))
        # From the current end of every partition, so that no answer can slip by.
        start = []
        for partition in sorted(topic.partitions):
            _, high = self.consumer.get_watermark_offsets(TopicPartition(self.events_topic, partition), timeout=10)
            start.append(TopicPartition(self.events_topic, partition, high))
        self.consumer.assign(start)

    def send(self, command, fields):
        fields = dict(fields)
        fields.setdefault("commandId", str(uuid.uuid4()))
        fields.setdefault("issuedBy", ISSUED_BY)
        fields["issuedAt"] = datetime.datetime.now(datetime.timezone.utc).isoformat()
        schema = avro.load(os.path.join(self.args.schemas, command + ".avsc"))
        schema_id = self.registry.register(schema.fullname, schema)
        self.producer.produce(topic=self.commands_topic, key=fields["enrolmentId"].encode("utf-8"),
                              value=self.serializer.encode_record_with_schema_id(schema_id, to_avro(schema, fields)))
        if self.producer.flush(30):
            raise NotStarted("the command was not delivered to %s" % self.commands_topic)
        return fields

    def await_event(self, matches, timeout):
        """The first event kept so far or arriving within timeout that matches, or None."""
        for event in self.events:
            if matches(event):
                return event
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise KafkaException(message.error())
            schema_id = struct.unpack(">bI", message.value()[:5])[1]
            headers = dict(message.headers() or [])
            event = {"schema": self.registry.get_by_id(schema_id).name,
                     "header": headers.get("mbo.event.type", b"").decode("utf-8"),
                     "key": message.key().decode("utf-8") if message.key() is not None else None,
                     "partition": message.partition(), "offset": message.offset(),
                     "value": to_json(self.serializer.decode_message(message.value()))}
            self.events.append(event)
            if matches(event):
                return event
        return None

    def close(self):
        self.consumer.close()


class Kit:
    def __init__(self, timeout):
        self.timeout = timeout
        self.failures = 0
        self.passes = 0

    def check(self, name, ok, expected, seen):
        if ok:
            self.passes += 1
            print("PASS %s: %s" % (name, expected), flush=True)
        else:
            self.failures += 1
            print("FAIL %s: expected %s; seen %s" % (name, expected, seen), flush=True)
        return ok

    def expect(self, name, sis, **want):
        """Waits on sis's events for one with the given value fields (schema= for the record type) and checks it."""
        schema = want.pop("schema", "EnrolmentUpdate")

        def matches(event):
            return event["schema"] == schema and all(event["value"].get(k) == v for k, v in want.items())

        event = sis.await_event(matches, self.timeout)
        wanted = "%s %s on %s" % (schema, describe(want), sis.events_topic)
        seen = "nothing within %g s; events of that enrolment: %s" % (self.timeout, summary(sis, want.get("enrolmentId")))
        self.check(name, event is not None, wanted, seen)
        return event


def describe(want):
    return " ".join("%s=%s" % (k, v) for k, v in want.items() if k not in ("enrolmentId", "commandId"))


def summary(sis, enrolment_id):
    shown = [e for e in sis.events if enrolment_id is None or e["key"] == enrolment_id]
    return ", ".join("%s(%s)" % (e["schema"], " ".join(
        "%s=%s" % (k, e["value"].get(k)) for k in ("change", "status", "kind", "code", "repeatOf")
        if e["value"].get(k) is not None)) for e in shown) or "none"


def lifecycle(kit, home, host):
    yesterday = (datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=1)).isoformat()
    request = home.send("RequestEnrolment", example_request(host.school))
    enrolment = request["enrolmentId"]
    kit.expect("lifecycle.request-answered", home, enrolmentId=enrolment, commandId=request["commandId"],
               change="ENROLMENT_REQUESTED", role="HOME", status="REQUESTED", issuedBy=ISSUED_BY, repeatOf=None)
    kit.expect("lifecycle.host-sees-visiting-student", host, enrolmentId=enrolment,
               change="VISITING_STUDENT_REGISTERED", role="HOST", status="REQUESTED", commandId=None,
               homeSchool=home.school, hostSchool=host.school)

    accept = host.send("AcceptEnrolment", {"enrolmentId": enrolment, "note": "Room 2.14"})
    accepted = kit.expect("lifecycle.accept-answered", host, enrolmentId=enrolment, commandId=accept["commandId"],
                          change="ENROLMENT_ACCEPTED", status="ACCEPTED", acceptanceNote="Room 2.14")
    kit.expect("lifecycle.home-receives-acceptance", home, enrolmentId=enrolment, change="ACCEPTANCE_RECEIVED",
               status="ACCEPTED", acceptanceNote="Room 2.14")

    record = host.send("RecordResult", {"enrolmentId": enrolment, "attempt": 1, "grade": "6.5",
                                        "finalResult": False, "assessedOn": yesterday})
    recorded = kit.expect("lifecycle.record-provisional-answered", host, enrolmentId=enrolment,
                          commandId=record["commandId"], change="RESULT_RECORDED", status="ACCEPTED")
    if recorded is not None:
        result = recorded["value"].get("result") or {}
        kit.check("lifecycle.recorded-result", result.get("attempt") == 1 and result.get("version") == 1
                  and result.get("grade") == "6.5" and result.get("finalResult") is False,
                  "attempt 1, version 1, grade 6.5, provisional", result)
    received = kit.expect("lifecycle.home-receives-result", home, enrolmentId=enrolment, change="RESULT_RECEIVED",
                          status="ACCEPTED")
    if received is not None:
        result = received["value"].get("result") or {}
        kit.check("lifecycle.received-result", result.get("version") == 1 and result.get("grade") == "6.5",
                  "the home school receives version 1, grade 6.5, character for character", result)
    kit.expect("lifecycle.home-sends-receipt-v1", home, enrolmentId=enrolment, change="RECEIPT_SENT",
               status="ACCEPTED")
    kit.expect("lifecycle.host-receives-receipt-v1", host, enrolmentId=enrolment, change="RECEIPT_RECEIVED",
               status="ACCEPTED")

    correct = host.send("CorrectResult", {"enrolmentId": enrolment, "attempt": 1, "expectedVersion": 1,
                                          "grade": "7.5", "finalResult": True, "assessedOn": yesterday,
                                          "reason": "Resit of the practical part"})
    corrected = kit.expect("lifecycle.correct-final-answered", host, enrolmentId=enrolment,
                           commandId=correct["commandId"], change="RESULT_CORRECTED", status="ACCEPTED")
    if corrected is not None:
        result = corrected["value"].get("result") or {}
        kit.check("lifecycle.corrected-result", result.get("version") == 2 and result.get("grade") == "7.5"
                  and result.get("finalResult") is True, "version 2, grade 7.5, final; the host still ACCEPTED",
                  result)
    correction = kit.expect("lifecycle.home-receives-correction-completed", home, enrolmentId=enrolment,
                            change="CORRECTION_RECEIVED", status="COMPLETED")
    receipt = kit.expect("lifecycle.home-receipt-after-completed", home, enrolmentId=enrolment,
                         change="RECEIPT_SENT", status="COMPLETED")
    if correction is not None and receipt is not None:
        version = (receipt["value"].get("result") or {}).get("version")
        kit.check("lifecycle.receipt-follows-completion",
                  receipt["partition"] == correction["partition"] and receipt["offset"] > correction["offset"]
                  and version == 2,
                  "RECEIPT_SENT for version 2 after CORRECTION_RECEIVED on the same partition",
                  "offsets %s then %s, version %s" % (correction["offset"], receipt["offset"], version))
    kit.expect("lifecycle.host-completed", host, enrolmentId=enrolment, change="RECEIPT_RECEIVED",
               status="COMPLETED")
    return request, accept, accepted


def failures(kit, home, host, request, accept, accepted):
    # Several bad fields in one command: one rejection listing every one of them.
    bad = example_request(host.school)
    bad["student"]["email"] = "not-an-address"
    bad["course"]["courseCode"] = "X12"
    bad["course"]["studyLoadHours"] = 0
    sent = home.send("RequestEnrolment", bad)
    rejected = kit.expect("failure.several-bad-fields-rejected", home, schema="CommandRejected",
                          enrolmentId=sent["enrolmentId"], commandId=sent["commandId"], kind="INVALID",
                          commandType="RequestEnrolment")
    if rejected is not None:
        errors = rejected["value"].get("errors") or []
        fields = [error.get("field") for error in errors]
        wanted = ["student.email", "course.courseCode", "course.studyLoadHours"]
        kit.check("failure.several-bad-fields-listed", fields == wanted
                  and rejected["value"].get("field") == wanted[0]
                  and rejected["value"].get("code") == errors[0].get("code"),
                  "errors lists %s in the command's field order; field and code repeat the first" % wanted,
                  "errors %s, field %s" % (fields, rejected["value"].get("field")))

    # A command on an enrolment the node does not know.
    unknown = host.send("AcceptEnrolment", {"enrolmentId": str(uuid.uuid4())})
    rejected = kit.expect("failure.unknown-enrolment", host, schema="CommandRejected",
                          enrolmentId=unknown["enrolmentId"], commandId=unknown["commandId"], kind="NOT_FOUND",
                          code="EnrolmentNotFound", errors=[], idHeldBy=None)

    # A command id reused for another command: rejected, naming the command that holds the id.
    reused = home.send("WithdrawEnrolment", {"enrolmentId": str(uuid.uuid4()), "commandId": request["commandId"]})
    rejected = kit.expect("failure.command-id-reused", home, schema="CommandRejected",
                          enrolmentId=reused["enrolmentId"], commandId=request["commandId"], kind="INVALID",
                          code="CommandIdReused", commandType="WithdrawEnrolment")
    if rejected is not None:
        holder = rejected["value"].get("idHeldBy") or {}
        kit.check("failure.command-id-holder-named", holder.get("commandType") == "RequestEnrolment"
                  and holder.get("enrolmentId") == request["enrolmentId"] and holder.get("decidedAt") is not None,
                  "idHeldBy names the RequestEnrolment of the lifecycle's enrolment, with decidedAt", holder)

    # A retry after a lost answer: the same command id and fields with a new issuedAt; the first answer again.
    if accepted is None:
        kit.check("failure.retry-answered-with-first-outcome", False, "a first answer to retry", "none")
        return
    time.sleep(0.01)
    host.send("AcceptEnrolment", {"enrolmentId": accept["enrolmentId"], "commandId": accept["commandId"],
                                  "note": accept["note"]})
    first = accepted["value"]
    repeat = kit.expect("failure.retry-answered-with-first-outcome", host, enrolmentId=accept["enrolmentId"],
                        commandId=accept["commandId"], repeatOf=first["eventId"], change="ENROLMENT_ACCEPTED",
                        status="ACCEPTED")
    if repeat is not None:
        same = all(repeat["value"].get(k) == first.get(k) for k in ("occurredAt", "status", "issuedBy", "change"))
        kit.check("failure.retry-repeats-first-answer", same and repeat["value"]["eventId"] != first["eventId"],
                  "a new eventId; occurredAt, status, issuedBy and change of the first answer",
                  {k: repeat["value"].get(k) for k in ("eventId", "occurredAt", "status", "issuedBy", "change")})


def headers(kit, schools):
    events = [event for sis in schools for event in sis.events]
    wrong = [(e["schema"], e["header"]) for e in events if e["header"] != e["schema"]]
    kit.check("events.header-mbo-event-type", events and not wrong,
              "every event (%d) has header mbo.event.type naming its record" % len(events), wrong or "no events")


def main():
    args = arguments()
    registry = CachedSchemaRegistryClient({"url": args.registry})
    serializer = MessageSerializer(registry)
    schools = []
    try:
        schools.append(Sis(args.home, args.home_credentials, args, registry, serializer))
        schools.append(Sis(args.host, args.host_credentials, args, registry, serializer))
        home, host = schools
        kit = Kit(args.timeout)
        request, accept, accepted = lifecycle(kit, home, host)
        failures(kit, home, host, request, accept, accepted)
        headers(kit, schools)
    except NotStarted as reason:
        sys.stderr.write("%s\n" % reason)
        return NOT_STARTED
    finally:
        for sis in schools:
            sis.close()
    print("%d passed, %d failed" % (kit.passes, kit.failures), flush=True)
    return 0 if kit.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
