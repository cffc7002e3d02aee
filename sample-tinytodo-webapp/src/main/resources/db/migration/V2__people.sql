-- The people and teams of TinyTodo's example. Passwords (shown on the login page, demo only): each user's
-- name; stored as BCrypt hashes.

insert into users (name, password, location, joblevel) values
    ('kesha',  '{bcrypt}$2a$10$FzrzYBMUU9brIFi1l7j/b.P.ost/50vWaflYcyGNQRyVmFRH8brtO', 'ABC17', 5),
    ('aaron',  '{bcrypt}$2a$10$l3C0bdskG1xmwarC4W8zSu/A1.T7SBuxA7m1Hp3Zv.e9M0lXRSEQC', 'ABC17', 5),
    ('emina',  '{bcrypt}$2a$10$jEP1jAHcFYjBqNSNvPMyIOy1v85AxQ1aYrVyFTmPcPkoCqlF3rpvy', 'DEF33', 8),
    ('andrew', '{bcrypt}$2a$10$ZppzTp6m20k0uMF.uu40p.1guTlRDnqQ2QLAp3FNnDTv0cCplQTBO', 'XYZ77', 5);

insert into teams (name) values
    ('temp'),
    ('admin'),
    ('interns');

insert into memberships (team, member_type, member_name) values
    ('temp',    'User', 'kesha'),
    ('interns', 'User', 'aaron'),
    ('admin',   'User', 'emina'),
    ('admin',   'User', 'andrew'),
    ('temp',    'User', 'andrew'),
    -- interns are temps too
    ('temp',    'Team', 'interns');
