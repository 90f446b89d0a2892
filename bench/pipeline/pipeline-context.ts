import { LoadGenerator } from './load-generator';
import { LoadTarget } from './load-plan';
import { Progress } from './progress';
import { PipelineTap } from './pipeline-tap';
import { ServiceProbes } from './service-probes';
import { UdpSink } from './udp-sink';

/** What the throughput and latency phases share: where to push, the observers and the load generator. */
export interface PipelineContext {
  intakeUrl: string;
  apiKey: string;
  sink: UdpSink;
  /** Kafka's delivery reports (the distributed mode); the embedded mode has none to tap. */
  tap?: PipelineTap;
  generator: LoadGenerator;
  targets: LoadTarget[];
  progress: Progress;
  /** Processes whose CPU counts as the pipeline's (name → pids), and context processes. */
  servicePids: Record<string, number[]>;
  contextPids: Record<string, number[]>;
  /** Kafka batch sizes and database work per push over the window (distributed mode). */
  probes?: ServiceProbes;
}
