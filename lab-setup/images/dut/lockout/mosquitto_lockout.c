/*
 * The virtual device's MQTT brute-force protection, as a mosquitto 2 plugin: checks user name and
 * password against a "user:password" file and, after five failures in a row, locks the account for
 * 60 s (doubling with each further failure); while locked even the right password is refused. Clients
 * without a user name are left to allow_anonymous. Options:
 *   plugin_opt_users   the "user:password" file
 *   plugin_opt_lockout on | off (off: the no-lockout flaw, every guess is checked)
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <mosquitto.h>
#include <mosquitto_broker.h>
#include <mosquitto_plugin.h>

#define FAILURES 5
#define LOCK_SECONDS 60
#define MAX_USERS 64

struct account {
    char user[128];
    int failures;
    time_t until;
};

static mosquitto_plugin_id_t *plugin_id;
static char users_file[512] = "/etc/certbench/mqtt-users";
static int lockout = 1;
static struct account accounts[MAX_USERS];

static struct account *account_of(const char *user) {
    for (int i = 0; i < MAX_USERS; i++) {
        if (accounts[i].user[0] != '\0' && strcmp(accounts[i].user, user) == 0) {
            return &accounts[i];
        }
    }
    for (int i = 0; i < MAX_USERS; i++) {
        if (accounts[i].user[0] == '\0') {
            snprintf(accounts[i].user, sizeof accounts[i].user, "%s", user);
            return &accounts[i];
        }
    }
    return &accounts[MAX_USERS - 1]; /* a table full of guessed names: the last slot takes the rest */
}

static int password_matches(const char *user, const char *password) {
    FILE *file = fopen(users_file, "r");
    char line[1024];
    int matches = 0;
    if (file == NULL || password == NULL) {
        if (file != NULL) {
            fclose(file);
        }
        return 0;
    }
    while (fgets(line, sizeof line, file) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        char *colon = strchr(line, ':');
        if (colon == NULL) {
            continue;
        }
        *colon = '\0';
        if (strcmp(line, user) == 0 && strcmp(colon + 1, password) == 0) {
            matches = 1;
        }
    }
    fclose(file);
    return matches;
}

static void failed(struct account *account, time_t now) {
    if (!lockout) {
        return;
    }
    account->failures++;
    if (account->failures >= FAILURES) {
        int doublings = account->failures - FAILURES;
        account->until = now + ((time_t) LOCK_SECONDS << (doublings > 10 ? 10 : doublings));
    }
}

static int on_basic_auth(int event, void *event_data, void *userdata) {
    struct mosquitto_evt_basic_auth *auth = event_data;
    (void) event;
    (void) userdata;
    if (auth->username == NULL) {
        return MOSQ_ERR_PLUGIN_DEFER;
    }
    struct account *account = account_of(auth->username);
    time_t now = time(NULL);
    if (lockout && account->until > now) {
        failed(account, now);
        mosquitto_log_printf(MOSQ_LOG_NOTICE, "certbench lockout: %s is locked", auth->username);
        return MOSQ_ERR_AUTH;
    }
    if (password_matches(auth->username, auth->password)) {
        account->failures = 0;
        account->until = 0;
        return MOSQ_ERR_SUCCESS;
    }
    failed(account, now);
    return MOSQ_ERR_AUTH;
}

int mosquitto_plugin_version(int supported_version_count, const int *supported_versions) {
    (void) supported_version_count;
    (void) supported_versions;
    return 5;
}

int mosquitto_plugin_init(mosquitto_plugin_id_t *identifier, void **user_data, struct mosquitto_opt *opts, int opt_count) {
    (void) user_data;
    plugin_id = identifier;
    for (int i = 0; i < opt_count; i++) {
        if (strcmp(opts[i].key, "users") == 0) {
            snprintf(users_file, sizeof users_file, "%s", opts[i].value);
        } else if (strcmp(opts[i].key, "lockout") == 0) {
            lockout = strcmp(opts[i].value, "off") != 0;
        }
    }
    return mosquitto_callback_register(plugin_id, MOSQ_EVT_BASIC_AUTH, on_basic_auth, NULL, NULL);
}

int mosquitto_plugin_cleanup(void *user_data, struct mosquitto_opt *opts, int opt_count) {
    (void) user_data;
    (void) opts;
    (void) opt_count;
    return mosquitto_callback_unregister(plugin_id, MOSQ_EVT_BASIC_AUTH, on_basic_auth, NULL);
}
