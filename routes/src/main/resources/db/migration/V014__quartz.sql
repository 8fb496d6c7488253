-- Quartz's JDBC job store, shared by every server node: a schedule fires on one node only. A firing
-- whose node dies mid-run is not run again elsewhere (a half-done job is not restarted); the next
-- firing is the next run. The tables are Quartz's (tables_postgres.sql of Quartz
-- 2.5), so their names are Quartz's too, plural ones included; types are spelt so that H2 (the sandbox)
-- accepts them as well: text for varchar, boolean for bool. Times are Quartz's epoch milliseconds.
create table qrtz_job_details (
    sched_name        text    not null,
    job_name          text    not null,
    job_group         text    not null,
    description       text,
    job_class_name    text    not null,
    is_durable        boolean not null,
    is_nonconcurrent  boolean not null,
    is_update_data    boolean not null,
    requests_recovery boolean not null,
    job_data          bytea,
    constraint qrtz_job_details_pk primary key (sched_name, job_name, job_group)
);

create table qrtz_triggers (
    sched_name     text     not null,
    trigger_name   text     not null,
    trigger_group  text     not null,
    job_name       text     not null,
    job_group      text     not null,
    description    text,
    next_fire_time bigint,
    prev_fire_time bigint,
    priority       integer,
    trigger_state  text     not null,
    trigger_type   text     not null,
    start_time     bigint   not null,
    end_time       bigint,
    calendar_name  text,
    misfire_instr  smallint,
    job_data       bytea,
    constraint qrtz_triggers_pk primary key (sched_name, trigger_name, trigger_group),
    constraint qrtz_triggers_job_fk foreign key (sched_name, job_name, job_group)
        references qrtz_job_details (sched_name, job_name, job_group)
);

create table qrtz_simple_triggers (
    sched_name      text   not null,
    trigger_name    text   not null,
    trigger_group   text   not null,
    repeat_count    bigint not null,
    repeat_interval bigint not null,
    times_triggered bigint not null,
    constraint qrtz_simple_triggers_pk primary key (sched_name, trigger_name, trigger_group),
    constraint qrtz_simple_triggers_trigger_fk foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

create table qrtz_cron_triggers (
    sched_name      text not null,
    trigger_name    text not null,
    trigger_group   text not null,
    cron_expression text not null,
    time_zone_id    text,
    constraint qrtz_cron_triggers_pk primary key (sched_name, trigger_name, trigger_group),
    constraint qrtz_cron_triggers_trigger_fk foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

create table qrtz_simprop_triggers (
    sched_name    text    not null,
    trigger_name  text    not null,
    trigger_group text    not null,
    str_prop_1    text,
    str_prop_2    text,
    str_prop_3    text,
    int_prop_1    integer,
    int_prop_2    integer,
    long_prop_1   bigint,
    long_prop_2   bigint,
    dec_prop_1    numeric(13, 4),
    dec_prop_2    numeric(13, 4),
    bool_prop_1   boolean,
    bool_prop_2   boolean,
    constraint qrtz_simprop_triggers_pk primary key (sched_name, trigger_name, trigger_group),
    constraint qrtz_simprop_triggers_trigger_fk foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

create table qrtz_blob_triggers (
    sched_name    text not null,
    trigger_name  text not null,
    trigger_group text not null,
    blob_data     bytea,
    constraint qrtz_blob_triggers_pk primary key (sched_name, trigger_name, trigger_group),
    constraint qrtz_blob_triggers_trigger_fk foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

create table qrtz_calendars (
    sched_name    text  not null,
    calendar_name text  not null,
    calendar      bytea not null,
    constraint qrtz_calendars_pk primary key (sched_name, calendar_name)
);

create table qrtz_paused_trigger_grps (
    sched_name    text not null,
    trigger_group text not null,
    constraint qrtz_paused_trigger_grps_pk primary key (sched_name, trigger_group)
);

create table qrtz_fired_triggers (
    sched_name        text    not null,
    entry_id          text    not null,
    trigger_name      text    not null,
    trigger_group     text    not null,
    instance_name     text    not null,
    fired_time        bigint  not null,
    sched_time        bigint  not null,
    priority          integer not null,
    state             text    not null,
    job_name          text,
    job_group         text,
    is_nonconcurrent  boolean,
    requests_recovery boolean,
    constraint qrtz_fired_triggers_pk primary key (sched_name, entry_id)
);

create table qrtz_scheduler_state (
    sched_name        text   not null,
    instance_name     text   not null,
    last_checkin_time bigint not null,
    checkin_interval  bigint not null,
    constraint qrtz_scheduler_state_pk primary key (sched_name, instance_name)
);

create table qrtz_locks (
    sched_name text not null,
    lock_name  text not null,
    constraint qrtz_locks_pk primary key (sched_name, lock_name)
);

create index idx_qrtz_j_req_recovery on qrtz_job_details (sched_name, requests_recovery);
create index idx_qrtz_j_grp on qrtz_job_details (sched_name, job_group);

create index idx_qrtz_t_j on qrtz_triggers (sched_name, job_name, job_group);
create index idx_qrtz_t_jg on qrtz_triggers (sched_name, job_group);
create index idx_qrtz_t_c on qrtz_triggers (sched_name, calendar_name);
create index idx_qrtz_t_g on qrtz_triggers (sched_name, trigger_group);
create index idx_qrtz_t_state on qrtz_triggers (sched_name, trigger_state);
create index idx_qrtz_t_n_state on qrtz_triggers (sched_name, trigger_name, trigger_group, trigger_state);
create index idx_qrtz_t_n_g_state on qrtz_triggers (sched_name, trigger_group, trigger_state);
create index idx_qrtz_t_next_fire_time on qrtz_triggers (sched_name, next_fire_time);
create index idx_qrtz_t_nft_st on qrtz_triggers (sched_name, trigger_state, next_fire_time);
create index idx_qrtz_t_nft_misfire on qrtz_triggers (sched_name, misfire_instr, next_fire_time);
create index idx_qrtz_t_nft_st_misfire on qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_state);
create index idx_qrtz_t_nft_st_misfire_grp
    on qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_group, trigger_state);

create index idx_qrtz_ft_trig_inst_name on qrtz_fired_triggers (sched_name, instance_name);
create index idx_qrtz_ft_inst_job_req_rcvry on qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
create index idx_qrtz_ft_j_g on qrtz_fired_triggers (sched_name, job_name, job_group);
create index idx_qrtz_ft_jg on qrtz_fired_triggers (sched_name, job_group);
create index idx_qrtz_ft_t_g on qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
create index idx_qrtz_ft_tg on qrtz_fired_triggers (sched_name, trigger_group);

-- One run of a job at a time across nodes and command-line runs. PostgreSQL keeps this with an advisory
-- lock and needs no row; H2 has none, so there a run holds its job's row locked until it ends.
create table job_lock (
    job_name text not null,
    constraint job_lock_pk primary key (job_name)
);
