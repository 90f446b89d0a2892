/** What identifies and routes a dialog created by an incoming request (RFC 3261 §12.1.1). */
export interface SipDialogInit {
  callId: string;
  /** the tag we put in the To of our 200 */
  localTag: string;
  /** the From of the request, tag included: the To of our requests */
  remoteAddress: string;
  remoteTag: string;
  /** the To of the request, without tag: the From of our requests (tag added) */
  localAddress: string;
  /** the request's Contact URI: where our in-dialog requests go */
  remoteTarget: string;
  /** our Contact, for the 200 and our requests */
  localContact: string;
  remoteCseq: number;
}

/**
 * The UAS side of a dialog (RFC 3261 §12): its id, the local CSeq our requests count up, the
 * last remote CSeq (requests must not go backwards, §12.2.2) and the remote target, which a
 * target-refresh request may move (RFC 6665 §4.1.2.1: SUBSCRIBE refreshes it).
 */
export class SipDialog {
  readonly callId: string;
  readonly localTag: string;
  readonly remoteTag: string;
  readonly remoteAddress: string;
  readonly localAddress: string;
  readonly localContact: string;
  private target: string;
  private localCseq = 0;
  private remoteCseq: number;

  constructor(init: SipDialogInit) {
    this.callId = init.callId;
    this.localTag = init.localTag;
    this.remoteTag = init.remoteTag;
    this.remoteAddress = init.remoteAddress;
    this.localAddress = `${init.localAddress};tag=${init.localTag}`;
    this.localContact = init.localContact;
    this.target = init.remoteTarget;
    this.remoteCseq = init.remoteCseq;
  }

  /** One string per dialog: Call-ID, local tag, remote tag. */
  static idOf(callId: string, localTag: string, remoteTag: string): string {
    return `${callId}\u0000${localTag}\u0000${remoteTag}`;
  }

  get id(): string {
    return SipDialog.idOf(this.callId, this.localTag, this.remoteTag);
  }

  get remoteTarget(): string {
    return this.target;
  }

  nextCseq(): number {
    this.localCseq += 1;
    return this.localCseq;
  }

  /** §12.2.2: a remote CSeq lower than the last one is refused (the caller answers 500). */
  acceptRemoteCseq(cseq: number): boolean {
    if (cseq < this.remoteCseq) return false;
    this.remoteCseq = cseq;
    return true;
  }

  retarget(contact: string | undefined): void {
    if (contact !== undefined) this.target = contact;
  }
}
