# Sourced by bench/mail.sh: a private Dovecot IMAP server (Debian's dovecot-imapd) on 127.0.0.1:$imap_port, with its
# own configuration, users from a password file and maildirs under $dovecot_dir; stopped on exit. Mail is put into a
# maildir's new/ folder directly, as a delivery agent would. Sets: dovecot_dir.
start_dovecot() {
  command -v dovecot >/dev/null || { echo "dovecot is not installed: apt-get install -y dovecot-imapd" >&2; exit 1; }
  dovecot_dir=$(mktemp -d)
  chmod 755 "$dovecot_dir"
  mkdir -p "$dovecot_dir/mail" "$dovecot_dir/run"
  chmod 777 "$dovecot_dir/mail"
  : > "$dovecot_dir/users"
  cat > "$dovecot_dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dovecot_dir/run
state_dir = $dovecot_dir/run
log_path = $dovecot_dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dovecot_dir/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$dovecot_dir/mail/%u
}
mail_location = maildir:$dovecot_dir/mail/%u
first_valid_uid = 100
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
  dovecot -c "$dovecot_dir/dovecot.conf"
}

# A user with a maildir that the load client (root) can write new mail into.
add_dovecot_user() {
  echo "$1:{PLAIN}$2" >> "$dovecot_dir/users"
  mkdir -p "$dovecot_dir/mail/$1/new" "$dovecot_dir/mail/$1/cur" "$dovecot_dir/mail/$1/tmp"
  chown -R dovecot:dovecot "$dovecot_dir/mail/$1"
  chmod -R 777 "$dovecot_dir/mail/$1"
}

stop_dovecot() {
  doveadm -c "$dovecot_dir/dovecot.conf" stop 2>/dev/null || true
  rm -rf "$dovecot_dir"
}
