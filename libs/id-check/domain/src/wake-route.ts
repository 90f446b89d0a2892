import { ActivationMethod, ClientSnapshot, DeviceIdentity, PushResolvedV1 } from '@waken/contracts';
import { isDeviceRoutable, isSipAor } from './activation-address';
import { chooseDeviceIdentity } from './device-identity-choice';

/** A wake policy once 'auto' has been decided. */
export type EffectivePolicy = Exclude<PushResolvedV1['policy'], 'auto'>;

/** How one unconnected target is woken. */
export interface WakeRoute {
  mode: 'targeted' | 'broadcast-identity' | 'broadcast';
  activation: ActivationMethod;
  deviceIdentity?: DeviceIdentity;
  /** Part of the one SIR to the public AOR that all such targets share (seed S9). */
  shared?: boolean;
}

/**
 * seed S4 'auto': targeted (S7) when every target has an address that reaches only it,
 * since that wakes exactly the targets; otherwise broadcast-identity (S8) for all.
 */
export function effectivePolicy(policy: PushResolvedV1['policy'], targets: ClientSnapshot[]): EffectivePolicy {
  if (policy !== 'auto') return policy;
  const allRoutable = targets.every((t) => t.activationMethods.some(isDeviceRoutable));
  return allRoutable ? 'targeted' : 'broadcast-identity';
}

/**
 * The route for a target that is not connected and has at least one activation method.
 * The target's AOR is the public AOR when the target is reachable over SIP at all,
 * else its own SIP AOR activation; a target without SIP cannot be reached by the AOR.
 */
export function routeFor(target: ClientSnapshot, policy: EffectivePolicy, publicAor: ActivationMethod | undefined): WakeRoute {
  const methods = target.activationMethods;
  const routable = methods.find(isDeviceRoutable);
  const hasSip = methods.some((m) => m.bearer === 'sip');
  const aor = hasSip ? (publicAor ?? methods.find(isSipAor)) : undefined;
  if (policy === 'broadcast') {
    // seed S9: the SIR names only the public identity; each client decides for itself.
    return publicAor && hasSip ? { mode: 'broadcast', activation: publicAor, shared: true } : { mode: 'broadcast', activation: methods[0] };
  }
  if (policy === 'targeted' || !aor) {
    // seed S7; a target whose SIP activation is only the AOR falls back to S8.
    return routable ? direct(target, routable) : viaAor(target, aor ?? methods[0], undefined);
  }
  return viaAor(target, aor, routable);
}

/** seed S7: the SIR goes to an address that reaches only this device, carrying its identity. */
function direct(target: ClientSnapshot, activation: ActivationMethod): WakeRoute {
  const deviceIdentity = chooseDeviceIdentity(target, activation.bearer);
  return deviceIdentity ? { mode: 'targeted', activation, deviceIdentity } : { mode: 'targeted', activation };
}

/** seed S8: the SIR goes to the AOR, and the device identity tells the clients which one is meant. */
function viaAor(target: ClientSnapshot, aor: ActivationMethod, routable: ActivationMethod | undefined): WakeRoute {
  const deviceIdentity = chooseDeviceIdentity(target, 'sip');
  if (deviceIdentity) return { mode: 'broadcast-identity', activation: aor, deviceIdentity };
  // Without an identity an AOR SIR cannot single the target out; its own address can.
  if (routable) return direct(target, routable);
  return { mode: 'broadcast', activation: aor };
}
