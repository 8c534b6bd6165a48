package pigeon.store;

import pigeon.protocol.delivery.MailAddress;

/** A local account; its address is also its login name. */
public record Account(long id, MailAddress address) {}
