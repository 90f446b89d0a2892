// PostgreSQL: the pending store (seed §C3: pushes held until the client's session takes them)
export * from './entities/pending-push.entity';
export * from './migrations/1764403200000-create-pending-push';
export * from './session-schema';
export * from './pending-push-state';
export * from './pending-push.repository';
// SIP: dialogs and registration on top of @waken/bearer-sip-transport
export * from './sip/sip-dialog';
export * from './sip/in-dialog-request';
export * from './sip/registration-keeper';
