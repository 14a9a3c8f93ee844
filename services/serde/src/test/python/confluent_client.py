#!/usr/bin/python3
"""Confluent's own Python client (legacy confluent_kafka.avro API) on the exchange's topics.

Used by the serde's interoperability test to prove that what our serializer writes is read by Confluent's
client, and that what Confluent's client writes is read by our deserializer.

  confluent_client.py consume <bootstrap> <registry-url> <topic> <count>
      prints each record as one JSON line: {"key": ..., "schema": ..., "value": {...}}
  confluent_client.py produce <bootstrap> <registry-url> <topic> <schema.avsc>
      reads JSON lines {"key": ..., "value": {...}} from stdin and produces them with that schema,
      registered under the record's full name (RecordNameStrategy), as the exchange nodes do

Keys on the exchange are plain UTF-8 strings (the enrolment id), so the client's Avro serializer is used for
values only, the way a Confluent deployment configures a StringSerializer for keys.
"""
import datetime
import decimal
import json
import os
import struct
import sys
import uuid

from confluent_kafka import Consumer, Producer
from confluent_kafka import avro
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


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


def from_json(schema, value):
    """Turns JSON values into the Python types the avro library expects for logical types."""
    kind = schema.type
    logical = getattr(schema, "logical_type", None) or schema.props.get("logicalType")
    if kind == "record":
        return {f.name: from_json(f.type, value.get(f.name)) for f in schema.fields}
    if kind == "union":
        if value is None:
            return None
        for branch in schema.schemas:
            if branch.type == "record" and isinstance(value, dict):
                return from_json(branch, value)
            if branch.type == "enum" and isinstance(value, str) and value in branch.symbols:
                return value
            if branch.type not in ("null", "record", "enum"):
                return from_json(branch, value)
        raise ValueError("no branch of %s takes %r" % (schema, value))
    if logical == "timestamp-millis":
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if logical == "date":
        return datetime.date.fromisoformat(value)
    if logical == "decimal":
        return decimal.Decimal(value)
    return value


def kafka(bootstrap, **settings):
    """librdkafka's settings: the login comes from MBO_KAFKA_USERNAME and MBO_KAFKA_PASSWORD (SASL SCRAM-SHA-512)."""
    config = {"bootstrap.servers": bootstrap,
              "security.protocol": "SASL_PLAINTEXT",
              "sasl.mechanisms": "SCRAM-SHA-512",
              "sasl.username": os.environ["MBO_KAFKA_USERNAME"],
              "sasl.password": os.environ["MBO_KAFKA_PASSWORD"]}
    config.update(settings)
    return config


def consume(bootstrap, registry, topic, count):
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry}))
    consumer = Consumer(kafka(bootstrap, **{
        "group.id": "confluent-python-" + str(uuid.uuid4()),
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    }))
    consumer.subscribe([topic])
    seen = 0
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=60)
    while seen < count and datetime.datetime.now() < deadline:
        message = consumer.poll(1.0)
        if message is None:
            continue
        if message.error():
            raise SystemExit("consume failed: %s" % message.error())
        schema_id = struct.unpack(">bI", message.value()[:5])[1]
        print(json.dumps({
            "key": message.key().decode("utf-8"),
            "schema": serializer.registry_client.get_by_id(schema_id).fullname,
            "value": to_json(serializer.decode_message(message.value())),
        }), flush=True)
        seen += 1
    consumer.close()
    if seen < count:
        raise SystemExit("only %d of %d records arrived" % (seen, count))


def produce(bootstrap, registry, topic, schema_file):
    schema = avro.load(schema_file)
    registry_client = CachedSchemaRegistryClient({"url": registry})
    serializer = MessageSerializer(registry_client)
    schema_id = registry_client.register(schema.fullname, schema)
    producer = Producer(kafka(bootstrap, **{"enable.idempotence": True, "acks": "all"}))
    sent = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        record = json.loads(line)
        value = serializer.encode_record_with_schema_id(schema_id, from_json(schema, record["value"]))
        producer.produce(topic=topic, key=record["key"].encode("utf-8"), value=value)
        sent += 1
    remaining = producer.flush(30)
    if remaining:
        raise SystemExit("%d records were not delivered" % remaining)
    print(json.dumps({"produced": sent, "schema_id": schema_id}), flush=True)


if __name__ == "__main__":
    mode, bootstrap, registry, topic = sys.argv[1:5]
    if mode == "consume":
        consume(bootstrap, registry, topic, int(sys.argv[5]))
    elif mode == "produce":
        produce(bootstrap, registry, topic, sys.argv[5])
    else:
        raise SystemExit(__doc__)
