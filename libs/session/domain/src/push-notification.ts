/**
 * One pending push as a NOTIFY body (`application/vnd.waken.push+json`, docs/push-session.md).
 * `pushId` + `recipientIndex` identify it: the client acknowledges each pair once.
 */
export interface PushNotification {
  pushId: string;
  recipientIndex: number;
  contentType: string;
  applicationId?: string;
  bodyBase64: string;
}
