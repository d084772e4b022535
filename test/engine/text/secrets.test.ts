import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isSecretName, maskCommandLine, maskEnvEntry, maskSecretsInText, maskValue} from '../../../source/engine/text/secrets.js';

describe('masking secrets by key name', () => {
	it('masks names that say secret, and not names that merely contain the letters', () => {
		for (const name of ['DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'APP_SECRET', 'API_TOKEN', 'STRIPE_KEY', 'GITHUB_PAT', 'PAT', 'JWT', 'JWT_SIGNING', 'AWS_ACCESS_KEY_ID', 'GCP_CREDENTIALS', 'PRIVATE_KEY', 'com.example.db.password', 'SESSION_SECRET']) assert.ok(isSecretName(name), name);
		for (const name of ['PATH', 'PATTERN', 'KEYBOARD', 'HOME', 'DB_PASSWORD_FILE', 'USER', 'PORT', 'com.docker.compose.service']) assert.ok(!isSecretName(name), name);
	});
	it('masks a whole env value for a secret name, and only the secret part otherwise', () => {
		assert.equal(maskEnvEntry('GITHUB_PAT=abc'), 'GITHUB_PAT=••••••');
		assert.equal(maskEnvEntry('JWT=x.y.z'), 'JWT=••••••');
		assert.equal(maskEnvEntry('PATH=/usr/bin'), 'PATH=/usr/bin');
		assert.equal(maskEnvEntry('DATABASE_URL=postgres://u:pass@db:5432/app'), 'DATABASE_URL=postgres://u:••••••@db:5432/app');
		assert.equal(maskEnvEntry('EMPTY_PASSWORD='), 'EMPTY_PASSWORD=');
		assert.equal(maskValue('DB_PASSWORD', 'hunter2'), '••••••');
		assert.equal(maskValue('note', 'no secrets here'), 'no secrets here');
	});
});

describe('masking secrets by value shape', () => {
	it('masks the password in URL userinfo, keeping user and host', () => {
		assert.equal(maskSecretsInText('postgres://u:pass@db/x'), 'postgres://u:••••••@db/x');
		assert.equal(maskSecretsInText('amqp://guest:guest@rabbit:5672'), 'amqp://guest:••••••@rabbit:5672');
		assert.equal(maskSecretsInText('http://host:8080/a?e=a@b'), 'http://host:8080/a?e=a@b');
		assert.equal(maskSecretsInText('https://user@host/x'), 'https://user@host/x');
	});
	it('masks --password=… and --token … style arguments but not *-file paths', () => {
		assert.equal(maskSecretsInText('app --password=hunter2 --user bob'), 'app --password=•••••• --user bob');
		assert.equal(maskSecretsInText('app --token abc123 -v'), 'app --token •••••• -v');
		assert.equal(maskSecretsInText('app --db-password s3cret'), 'app --db-password ••••••');
		assert.equal(maskSecretsInText('mysqld --password-file /run/secrets/db'), 'mysqld --password-file /run/secrets/db');
		assert.equal(maskCommandLine(['sh', '-c', 'mysqladmin ping --password=hunter2']), 'sh -c mysqladmin ping --password=••••••');
		assert.equal(maskSecretsInText('env DB_PASSWORD=x app'), 'env DB_PASSWORD=•••••• app');
	});
	it('masks known token prefixes and JWTs, keeping the prefix', () => {
		assert.equal(maskSecretsInText('ghp_abcdefghijklmnopqrstuvwxyz012345'), 'ghp_••••••');
		assert.equal(maskSecretsInText('github_pat_11ABCDEFG0123456789_abcdef'), 'github_pat_••••••');
		assert.equal(maskSecretsInText('glpat-abcdefghijklmnopqrst'), 'glpat-••••••');
		assert.equal(maskSecretsInText('xoxb-1234567890-abcdef'), 'xoxb-••••••');
		assert.equal(maskSecretsInText('id AKIAABCDEFGHIJKLMNOP end'), 'id AKIA•••••• end');
		assert.equal(maskSecretsInText('sk-abcdefghijklmnopqrstuvw'), 'sk-••••••');
		assert.equal(maskSecretsInText('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl'), 'Bearer eyJ••••••');
		assert.equal(maskSecretsInText('sleep 3600'), 'sleep 3600');
	});
});
