package io.github.customeremail.service.odoo;

import io.github.customeremail.odoo.OdooClient;
import io.github.customeremail.odoo.OdooSettings;

/**
 * The service's connection to Odoo, made on first use and made again after a failure: Odoo may be down when the
 * service starts, and the service starts anyway.
 */
public final class OdooConnection {

    private final OdooSettings settings;
    private OdooClient client;

    OdooConnection(OdooSettings settings) {
        this.settings = settings;
    }

    /**
     * @return a connected client
     * @throws io.github.customeremail.odoo.OdooException when Odoo cannot be reached or refuses the login
     */
    public synchronized OdooClient client() {
        if (client == null) {
            client = OdooClient.connect(settings);
        }
        return client;
    }

    /** Forgets the client, so the next use connects again (after a failure that may mean a new server). */
    public synchronized void reset() {
        client = null;
    }
}
