// Waits until the broker answers metadata requests; fails fast if its JVM died.
const { Kafka, logLevel } = require('kafkajs');
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:19092').split(',');
const pid = Number(process.env.BROKER_PID || 0);
const deadline = Date.now() + Number(process.env.KAFKA_WAIT_MS || 90000);
const kafka = new Kafka({ clientId: 'waken-infra-ready', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } });
(async () => {
  for (;;) {
    if (pid) {
      try { process.kill(pid, 0); } catch { console.error('[infra] kafka JVM exited'); process.exit(1); }
    }
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      await admin.listTopics();
      await admin.disconnect();
      process.exit(0);
    } catch (e) {
      await admin.disconnect().catch(() => undefined);
      if (Date.now() > deadline) { console.error('[infra] kafka not ready:', e.message); process.exit(1); }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
})();
