// What each component kind is, in words a learner can read, and its starting numbers.
// Section numbers (§) refer to docs/catalog-defaults.md, which names the original source of each figure.
// serviceMs is always the time the component itself is busy; network round trips and the
// downstream calls a component waits on are simulated separately by the engine.
import { MANAGED_INSTANCE_HELP, SRC, param } from './catalog-params';
import type { ComponentKind, ComponentKindSpec } from './types';

export const CATALOG: Record<ComponentKind, ComponentKindSpec> = {
  client: {
    kind: 'client',
    traits: { sendsRequests: true },
    label: 'Client',
    category: 'traffic',
    keywords: ['user', 'users', 'browser', 'mobile', 'app', 'traffic', 'load', 'workload'],
    explanation:
      'A client stands for the people or programs that use your system: browsers, phone apps, or partner companies calling your API. ' +
      'It is where traffic starts, so its request rate is the load every other box has to carry. ' +
      'Real traffic is not flat; it rises during the day and jumps around launches, so try two or three times the average as well as the average. ' +
      'The client costs you nothing here, but its requests cross the public internet, which adds tens of milliseconds before your system even sees them.',
    params: [
      param('rps', 200, 'rule of thumb: a small production app (about 17 million requests a day); peaks run 2-3x the average (catalog-defaults §3 Client)'),
    ],
  },

  dns: {
    kind: 'dns',
    traits: { routesOneTarget: true, holdsNoWorkerOnCalls: true, worldwideEdge: true },
    label: 'DNS',
    category: 'edge',
    keywords: ['domain', 'name', 'resolver', 'route 53', 'route53', 'lookup', 'geo routing'],
    explanation:
      'DNS turns a name like shop.example.com into the address of a server, and a device asks it before making any real request. ' +
      'Browsers and resolvers remember the answers, so most lookups are nearly instant and only the occasional miss takes tens of milliseconds. ' +
      'You rarely run DNS yourself: managed DNS is cheap, billed per million lookups, and among the most reliable services on the internet. ' +
      'Its design value is steering, since answering with different addresses can send users to the nearest region or away from a failed one, though changes spread slowly because of all that remembering.',
    params: [
      param('serviceMs', 2.5, 'catalog-defaults §6: 1 ms cached, 30 ms on a miss; mean of 95% cached and 5% misses (the 5% is a rule of thumb)'),
      param('serviceScv', 6.5, 'computed from the same 95/5 mix of 1 ms and 30 ms answers: two far-apart speeds make it very uneven'),
      param('instances', 1, SRC.managedOne, { help: MANAGED_INSTANCE_HELP }),
      param('concurrency', 1000, 'rule of thumb: managed DNS has no practical limit (catalog-defaults §6); 1,000 at 2.5 ms is 400k lookups/s'),
      param('availability', 1, 'Route 53 SLA 100% (cloud-sla README, catalog-defaults §3); a contract, so lower it to rehearse an outage'),
      param('pricePerMillion', 0.4, 'Route 53 about $0.40 per million queries (ns1.com/resources/aws-dns, catalog-defaults §4)'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  cdn: {
    kind: 'cdn',
    traits: { cachesReads: { hitRatioParam: 'hitRatio' }, holdsNoWorkerOnCalls: true, splitByKey: true, worldwideEdge: true },
    relief: 'A higher hit ratio (longer cache lifetimes) keeps more requests at the edge.',
    label: 'CDN',
    category: 'edge',
    keywords: ['content delivery network', 'edge', 'cloudfront', 'akamai', 'fastly', 'cloudflare', 'static', 'images', 'video'],
    explanation:
      'A content delivery network keeps copies of your files on servers spread around the world, close to your users. ' +
      'When someone asks for an image, script or video, the nearest edge server answers from its copy if it has one, which is fast and spares your own servers entirely. ' +
      'Only misses travel back to your origin, so the hit ratio decides how much load and latency you save. ' +
      'It suits content that many people fetch and that rarely changes; personal or fast-changing data caches poorly, and old copies must be purged when content changes. ' +
      'You pay per request and per gigabyte sent, which for video-heavy products is often the largest line on the bill.',
    params: [
      param('serviceMs', 1, 'catalog-defaults §6: about 1 ms at the edge; the 10-50 ms from user to edge is network time the engine adds'),
      param('serviceScv', 0.25, 'rule of thumb: edge hits vary little (catalog-defaults §6); misses are modelled as calls to the origin'),
      param('hitRatio', 0.9, 'rule of thumb: static files cache well; 80-95% is the usual range for a warm cache (catalog-defaults §2)'),
      param('instances', 1, SRC.managedOne, { help: MANAGED_INSTANCE_HELP }),
      param('concurrency', 10_000, 'rule of thumb: edge capacity is effectively unlimited (catalog-defaults §6); 10,000 at 1 ms is 10M req/s'),
      param('availability', 0.999, 'CloudFront SLA 99.9% (cloud-sla README, catalog-defaults §3)'),
      param('pricePerMillion', 1, 'CloudFront $0.01 per 10k HTTPS requests (aws.amazon.com/cloudfront/pricing, catalog-defaults §4); egress per GB comes on top'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  'load-balancer': {
    kind: 'load-balancer',
    traits: { routesOneTarget: true, holdsNoWorkerOnCalls: true, keepsNoData: true },
    label: 'Load balancer',
    category: 'edge',
    keywords: ['lb', 'alb', 'elb', 'nlb', 'nginx', 'haproxy', 'envoy', 'proxy', 'round robin', 'health check'],
    explanation:
      'A load balancer is the single address clients connect to, and it spreads their requests over several copies of a service. ' +
      'That lets you add instances to handle more traffic, and lets a broken instance drop out quietly because the balancer stops sending it work once its health checks fail. ' +
      'It adds well under a millisecond per request and is very reliable as a managed service, but it must be redundant itself or it becomes the one box whose failure stops everything. ' +
      'You pay an hourly fee plus a charge that grows with traffic.',
    params: [
      param('serviceMs', 0.5, 'catalog-defaults §6: 0.5 ms per request (rule of thumb)'),
      param('serviceScv', 0, 'catalog-defaults §6: forwarding takes nearly the same time every request, so deterministic'),
      param('instances', 1, 'a managed load balancer (ELB) counts as one logical instance; the provider keeps it redundant'),
      param('concurrency', 16, 'rule of thumb: 16 at 0.5 ms is 32k req/s, inside the 10-50k req/s per node of catalog-defaults §6'),
      param('availability', 0.9999, 'ELB SLA 99.99% (cloud-sla README, catalog-defaults §3)'),
      param('pricePerHour', 0.0225, 'ALB hourly fee about $0.0225/h (vantage handbook, catalog-defaults §4); per-traffic LCU charges not included'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  'api-gateway': {
    kind: 'api-gateway',
    traits: { routesOneTarget: true, holdsNoWorkerOnCalls: true, keepsNoData: true },
    label: 'API gateway',
    category: 'edge',
    keywords: ['gateway', 'api management', 'kong', 'apigee', 'authentication', 'auth', 'routing', 'throttling'],
    explanation:
      'An API gateway is the front door for your APIs: every outside call passes through it before reaching your services. ' +
      'It takes care of chores each service would otherwise repeat, such as checking who the caller is, enforcing quotas, and routing each path to the right backend. ' +
      'Managed gateways add a few milliseconds and charge per million calls, which is cheap at low volume and adds up at high volume. ' +
      'They also have account-wide throughput limits, so a traffic spike can be turned away at the door before it ever reaches your code.',
    params: [
      param('serviceMs', 5, 'catalog-defaults §6: a managed gateway adds about 5 ms (rule of thumb)'),
      param('serviceScv', 1, 'catalog-defaults §6 says lognormal; a spread like an exponential (1) is a rule of thumb'),
      param('instances', 1, SRC.managedOne, { help: MANAGED_INSTANCE_HELP }),
      param('concurrency', 50, 'Amazon API Gateway default quota 10k req/s (catalog-defaults §6-7) times 5 ms gives 50 in flight (Little\'s law)'),
      param('availability', 0.9995, 'Amazon API Gateway SLA 99.95% (cloud-sla README, catalog-defaults §3)'),
      param('pricePerMillion', 1, 'HTTP APIs $1.00 per million, REST APIs $3.50 (AWS cost-optimization whitepaper, catalog-defaults §4)'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  'rate-limiter': {
    kind: 'rate-limiter',
    traits: { rateLimits: { limitParam: 'limitRps' }, holdsNoWorkerOnCalls: true, keepsNoData: true },
    label: 'Rate limiter',
    category: 'edge',
    keywords: ['throttle', 'throttling', 'quota', 'token bucket', 'leaky bucket', 'sliding window', '429', 'too many requests'],
    explanation:
      'A rate limiter counts the requests each caller makes and turns away those over an agreed budget, usually with a "too many requests" error. ' +
      'It protects your system, and your other customers, from one noisy client, a buggy retry loop or an attack. ' +
      'The counters usually sit in a shared fast store such as Redis so every gateway copy sees the same totals, which costs one quick round trip per request. ' +
      'Decide what happens when that store is down: blocking everything is safe but fragile, while letting everything through keeps you serving but unprotected.',
    params: [
      param('serviceMs', 0.5, 'catalog-defaults §6: 0.5 ms, about one Redis round trip per check'),
      param('serviceScv', 0, 'catalog-defaults §6: a counter check takes nearly the same time every request, so deterministic'),
      param('instances', 1, 'rule of thumb: one logical limiter; in practice the check runs inside each gateway copy'),
      param('concurrency', 50, 'catalog-defaults §6: capacity equals its Redis, about 100k checks/s (redis-benchmark, §2); at 0.5 ms that is 50 in flight'),
      param('availability', 0.9999, 'catalog-defaults §6: as available as its Redis store; ElastiCache Multi-AZ SLA 99.99% (AWS Database blog, §3)'),
      param('pricePerHour', 0, 'catalog-defaults §6 lists no cost: counters live in an existing Redis and the check runs in the gateway'),
      param('queueCapacity', 0, SRC.noQueueLimit),
      param('limitRps', 10_000, 'catalog-defaults §6: AWS API Gateway default throttle, a 10,000 req/s token bucket (docs.aws.amazon.com/apigateway/latest/developerguide/limits.html)'),
    ],
  },

  service: {
    kind: 'service',
    traits: { ownsItsData: true, keepsNoData: true },
    label: 'Service',
    category: 'compute',
    keywords: ['api', 'app server', 'application', 'backend', 'microservice', 'web server', 'stateless', 'container', 'ec2', 'compute'],
    explanation:
      'A service is a program you write and run on servers, such as a checkout or user-profile API, and it does the real work of a request. ' +
      'If it is stateless, keeping no user data in memory between requests, any copy can answer any request, so you grow it by adding instances behind a load balancer. ' +
      'Each instance can only work on a limited number of requests at once, so when traffic outgrows the fleet, requests queue up and response times climb steeply before anything visibly breaks. ' +
      'You pay per instance-hour whether it is busy or idle, and a single instance fails often enough that production services run at least two.',
    params: [
      param('serviceMs', 20, 'catalog-defaults §6: 20 ms mean for a stateless service (rule of thumb); its own work only, downstream calls are simulated separately'),
      param('serviceScv', 1, 'catalog-defaults §6: lognormal with a coefficient of variation near 1'),
      param('instances', 2, SRC.twoForFailover),
      param('concurrency', 16, 'rule of thumb: 16 worker threads; at 20 ms that is 800 req/s, inside the 500-1,000 req/s per 2 vCPU of catalog-defaults §6'),
      param('availability', 0.995, SRC.ec2Instance),
      param('pricePerHour', 0.0816, SRC.ec2Price),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  worker: {
    kind: 'worker',
    traits: { keepsNoData: true },
    relief: 'More workers (instances or concurrency per instance) would keep up with the jobs.',
    label: 'Worker',
    category: 'compute',
    keywords: ['background', 'job', 'jobs', 'consumer', 'batch', 'async', 'celery', 'sidekiq', 'lambda', 'cron'],
    explanation:
      'A worker is a background process that takes jobs from a queue or stream and does them outside the user\'s request, such as sending emails, resizing images or building reports. ' +
      'Because nobody is staring at a spinner, the user gets a quick answer while slow or bursty work is smoothed out over time. ' +
      'Its capacity is simple arithmetic: jobs finished per second equal jobs in progress divided by the time each one takes, and if jobs arrive faster than that the backlog grows without end. ' +
      'The catch is that results arrive later, and a retried job can run twice, so jobs should be safe to repeat.',
    params: [
      param('serviceMs', 100, 'catalog-defaults §6: jobs take 50 ms to minutes; 100 ms is a short job such as making a thumbnail (rule of thumb)'),
      param('serviceScv', 1, 'catalog-defaults §6: exponential or lognormal; an exponential spread has SCV 1'),
      param('instances', 2, SRC.twoForFailover),
      param('concurrency', 4, 'rule of thumb: 4 jobs at once on 2 vCPU; throughput = concurrency / service time (catalog-defaults §6), 40 jobs/s each'),
      param('availability', 0.995, SRC.ec2Instance),
      param('pricePerHour', 0.0816, SRC.ec2Price),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  cache: {
    kind: 'cache',
    traits: { cachesReads: { hitRatioParam: 'hitRatio' }, holdsNoWorkerOnCalls: true, splitByKey: true },
    relief: 'More cache nodes would spread the keys and the load.',
    label: 'Cache',
    category: 'data',
    keywords: ['redis', 'memcached', 'elasticache', 'valkey', 'in-memory', 'key-value', 'cache-aside', 'ttl'],
    explanation:
      'A cache is a small, very fast in-memory store, such as Redis or Memcached, that keeps answers recently fetched from a slower database. ' +
      'When the answer is there (a hit) the request costs a fraction of a millisecond; when it is not (a miss) the app asks the database and usually saves the result for next time. ' +
      'Read-heavy products with popular items gain the most, because a high hit ratio takes most of the load off the database. ' +
      'The price is staleness and fragility: cached data can be out of date, and if the cache empties or a popular entry expires, a flood of misses can hit the database at once.',
    params: [
      param(
        'serviceMs',
        0.01,
        'redis-benchmark: ~100k ops/s on one thread without pipelining (catalog-defaults §2), so 0.01 ms each; the 0.2-1 ms clients see is network, added by the engine',
        { step: 0.001 },
      ),
      param('serviceScv', 0.25, 'catalog-defaults §2: nearly constant with a small tail from forks and big keys; 0.25 is a rule of thumb'),
      param('hitRatio', 0.9, 'rule of thumb: 80-95% for a warm cache on read-heavy data (catalog-defaults §2); 90% is the middle'),
      param('instances', 1, 'rule of thumb: start with one node and add shards when it runs hot', { label: 'Nodes' }),
      param('concurrency', 1, 'Redis runs commands one at a time on a single thread (catalog-defaults §2)'),
      param('availability', 0.995, 'ElastiCache single-AZ node 99.5% (AWS Database blog, catalog-defaults §3); Multi-AZ with a replica reaches 99.99%'),
      param('pricePerHour', 0.2, 'ElastiCache cache.r6g.large about $0.2/h (catalog-defaults §4, marked there as to verify)'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  'relational-db': {
    kind: 'relational-db',
    traits: { dataStore: 'database', primaryWithReplicas: { replicasParam: 'replicas', readShareParam: 'readShare' }, shards: true, splitByKey: true },
    label: 'Relational database',
    category: 'data',
    keywords: ['db', 'database', 'sql', 'postgres', 'postgresql', 'mysql', 'mariadb', 'rds', 'aurora', 'primary', 'replica', 'transactions', 'rdbms'],
    explanation:
      'A relational database, such as PostgreSQL or MySQL, stores data in tables with strict rules and transactions, so related changes either all happen or none do. ' +
      'It is the safe default for data that must be right, like orders, payments and accounts. ' +
      'Reads can be spread over read replicas, but every write goes to the single primary, which makes write throughput the usual ceiling and the primary a critical box. ' +
      'Replicas trail the primary by milliseconds to seconds, so a user may briefly miss their own change if their next read lands on a replica.',
    params: [
      param('serviceMs', 2.3, 'catalog-defaults §6: 2 ms reads, 5 ms writes; weighted by the default 90% reads gives 2.3 ms'),
      param('serviceScv', 2, 'catalog-defaults §6: lognormal with p99 5-10x the mean; SCV 2 puts p99 near 6.6x'),
      param('readShare', 0.9, 'rule of thumb: web apps read far more than they write (a URL shortener is about 100:1, catalog-defaults §5)'),
      param('replicas', 0, 'rule of thumb: start with the primary alone and add replicas when reads outgrow it'),
      param('instances', 1, 'one primary; more than one means sharding, which splits the data between them', {
        label: 'Primaries',
        help: 'Separate primaries each owning a slice of the data (sharding); more adds write capacity but makes queries across slices hard.',
      }),
      param('concurrency', 32, 'rule of thumb: ~4 active queries per vCPU on 8 vCPU; 32 at 2.3 ms is ~14k req/s, inside the 10-20k reads/s of catalog-defaults §6'),
      param('availability', 0.995, 'RDS single-instance SLA 99.5%; Multi-AZ 99.95% (aws.amazon.com/rds/sla, catalog-defaults §3)'),
      param('pricePerHour', 0.17, 'RDS Postgres db.m5.large about $0.17/h (catalog-defaults §4, marked there as to verify); replicas cost the same each'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  nosql: {
    kind: 'nosql',
    traits: { dataStore: 'database', shards: true, splitByKey: true },
    relief: 'More nodes would share the load.',
    label: 'NoSQL store',
    category: 'data',
    keywords: ['dynamodb', 'cassandra', 'mongodb', 'scylla', 'key-value', 'document', 'wide column', 'partition', 'shard'],
    explanation:
      'A NoSQL store, such as DynamoDB or Cassandra, spreads data across many nodes by a key, so it can grow to huge sizes and request rates just by adding nodes. ' +
      'Lookups by key are fast and predictable, which suits sessions, feeds, carts, counters and other data with simple access patterns. ' +
      'In exchange you give up much of what a relational database offers: joins, flexible queries and often immediate agreement between copies. ' +
      'Capacity is divided among partitions, so one very popular key can overload its partition while the rest sit idle.',
    params: [
      param('serviceMs', 5, 'catalog-defaults §6: 5 ms mean (DynamoDB "single-digit milliseconds"; Cassandra p50 2-5 ms)'),
      param('serviceScv', 1.5, 'catalog-defaults §2: p99 10-30 ms from compaction and GC pauses; SCV 1.5 puts p99 near 6x the mean'),
      param('instances', 3, 'rule of thumb: three nodes for three copies across three zones, as in Netflix\'s Cassandra benchmark (catalog-defaults §2)', {
        label: 'Nodes',
      }),
      param('concurrency', 32, 'rule of thumb: 32 at 5 ms is 6.4k ops/s per node, inside the 5-10k ops/s of catalog-defaults §2 (from Netflix\'s benchmark)'),
      param('availability', 0.995, 'one node is one VM: EC2 instance-level SLA 99.5% (catalog-defaults §3); a replicated table such as DynamoDB is sold at 99.99%'),
      param('pricePerMillion', 0.225, 'DynamoDB on demand $0.125/M reads, $0.625/M writes (airbyte.com, catalog-defaults §4), blended at 80% reads'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  queue: {
    kind: 'queue',
    traits: { buffersMessages: { noun: 'messages' }, splitByKey: true },
    relief: 'More brokers or partitions would spread the messages.',
    label: 'Message queue',
    category: 'messaging',
    keywords: ['sqs', 'rabbitmq', 'activemq', 'amazon mq', 'job queue', 'task queue', 'message', 'backlog', 'dlq', 'async'],
    explanation:
      'A message queue, such as Amazon SQS or RabbitMQ, holds tasks that one part of the system hands to another to do later. ' +
      'The sender drops a message and moves on while workers pull messages at their own pace, so a burst of traffic becomes a backlog instead of an outage. ' +
      'Each message is normally handled by one worker and deleted when done, and a failed one comes back for another try, which means the same work can happen twice. ' +
      'Watch the backlog: if it keeps growing, the workers are too slow and the delay before work gets done keeps rising.',
    params: [
      param('serviceMs', 15, 'catalog-defaults §2: SQS calls take 10-30 ms (rule of thumb; AWS publishes no figure); 15 ms is mid-range'),
      param('serviceScv', 1, 'catalog-defaults §6 says lognormal; a spread like an exponential (1) is a rule of thumb'),
      param('instances', 1, SRC.managedOne, { help: MANAGED_INSTANCE_HELP }),
      param('concurrency', 1000, 'rule of thumb: SQS standard allows nearly unlimited calls/s (SQS quotas, catalog-defaults §2); 1,000 at 15 ms is ~66k msg/s'),
      param('availability', 0.999, 'SQS SLA 99.9% (cloud-sla README, catalog-defaults §3)'),
      param('pricePerMillion', 0.4, 'SQS standard $0.40 per million requests, FIFO $0.50 (factualminds.com, catalog-defaults §4)'),
      param('queueCapacity', 1_000_000, 'rule of thumb: SQS keeps messages 4 days (catalog-defaults §2), so near-unbounded; a large limit still lets a runaway backlog show', {
        help: 'Messages that may wait for a worker before new ones are refused; 0 means unlimited.',
      }),
    ],
  },

  stream: {
    kind: 'stream',
    traits: { buffersMessages: { noun: 'events' }, splitByKey: true },
    relief: 'More brokers or partitions would spread the messages.',
    label: 'Event stream',
    category: 'messaging',
    keywords: ['kafka', 'kinesis', 'msk', 'pulsar', 'event', 'log', 'pub/sub', 'pubsub', 'partition', 'topic'],
    explanation:
      'An event stream, such as Apache Kafka or Amazon Kinesis, is an append-only log of events that many consumers read independently, each keeping its own place. ' +
      'Unlike a queue, reading does not delete anything; events are kept for hours or days, so new consumers can replay history, which suits analytics, activity feeds and keeping systems in sync. ' +
      'The log is split into partitions that keep order within themselves and cap how many consumers can work in parallel. ' +
      'It delivers very high throughput with low latency, but running brokers, choosing partition keys and catching up on consumer lag take real care.',
    params: [
      param('serviceMs', 2, 'Kafka append p50 about 2 ms (Kreps 2014 benchmark, catalog-defaults §2)'),
      param('serviceScv', 0.5, 'catalog-defaults §2: p99 3-5 ms, p99.9 14 ms, a mild tail; 0.5 is a rule of thumb'),
      param('instances', 3, 'three brokers, as in the Kreps 2014 benchmark (catalog-defaults §2)', { label: 'Brokers' }),
      param('concurrency', 200, 'rule of thumb: 200 at 2 ms is 100k msg/s per broker, the low end of catalog-defaults §6'),
      param('availability', 0.995, 'one broker is one VM: EC2 instance-level SLA 99.5% (catalog-defaults §3); managed Kafka (MSK) is sold at 99.9%'),
      param('pricePerHour', 0.2, 'MSK broker about $0.2/h (catalog-defaults §6; §7 lists it as unverified)'),
      param('queueCapacity', 10_000_000, 'rule of thumb: brokers keep days of events on disk; 10 million records stands in for that', {
        help: 'Events that may wait unread before new ones are refused; 0 means unlimited.',
      }),
    ],
  },

  'object-storage': {
    kind: 'object-storage',
    traits: { dataStore: 'objects', splitByKey: true },
    relief: 'Spreading objects over more key prefixes raises its request limit, and a CDN in front takes repeated downloads off it.',
    label: 'Object storage',
    category: 'data',
    keywords: ['s3', 'blob', 'bucket', 'files', 'gcs', 'azure blob', 'images', 'video', 'backup', 'media'],
    explanation:
      'Object storage, such as Amazon S3, keeps files of any size (images, videos, backups, exports) under a key, and it is built never to lose them. ' +
      'It is cheap per gigabyte and grows without limit, so large files belong here while a database holds only facts about them. ' +
      'Each request is slower than a database lookup, usually tens of milliseconds with an occasional slow one, and very high request rates against one key prefix get throttled until the service spreads the load. ' +
      'Put a CDN in front when many users download the same files, which cuts both latency and request charges.',
    params: [
      param('serviceMs', 30, 'catalog-defaults §2: small GETs take tens of ms (S3 performance whitepaper); 30 ms mean'),
      param('serviceScv', 3, 'catalog-defaults §2: heavy tail with p99 around 200 ms; SCV 3 puts p99 near 7.7x the mean (~230 ms)'),
      param('instances', 1, 'one key prefix; each prefix gets its own request budget (S3 performance guide, catalog-defaults §2)', {
        label: 'Prefixes',
        help: 'Key prefixes the objects are spread over; each one adds its own share of request capacity.',
      }),
      param('concurrency', 165, 'S3 serves 5,500 GET/s per prefix (catalog-defaults §2); 5,500 x 30 ms = 165 in flight'),
      param('availability', 0.999, 'S3 Standard SLA 99.9%, designed for 99.99% (catalog-defaults §3)'),
      param('pricePerMillion', 0.86, 'S3 Standard $0.40/M GET and $5/M PUT (devnotes.tech, catalog-defaults §4), blended at 90% GETs; storage and egress extra'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  search: {
    kind: 'search',
    traits: { dataStore: 'index', splitByKey: true },
    relief: 'More nodes would share the load.',
    label: 'Search index',
    category: 'data',
    keywords: ['elasticsearch', 'opensearch', 'solr', 'lucene', 'full-text', 'full text', 'autocomplete', 'typeahead', 'index'],
    explanation:
      'A search index, such as Elasticsearch or OpenSearch, is built for finding records by words and filters, as in product search, log search or autocomplete. ' +
      'It keeps a separate, specially arranged copy of your data, so it answers free-text questions that would be painfully slow in a regular database. ' +
      'That copy is refreshed shortly after the source changes, so a new write can take a second or more to appear in results. ' +
      'Complex queries have a long tail of slow answers, and a search cluster needs plenty of memory and effort to size and run.',
    params: [
      param('serviceMs', 20, 'catalog-defaults §6: 20 ms per query (rule of thumb)'),
      param('serviceScv', 3, 'catalog-defaults §6: heavy tail; SCV 3 is a rule of thumb'),
      param('instances', 2, SRC.twoForFailover, { label: 'Nodes' }),
      param('concurrency', 16, 'rule of thumb: 16 at 20 ms is 800 queries/s per node, inside the 200-2,000 of catalog-defaults §6'),
      param('availability', 0.995, 'one node is one VM: EC2 instance-level SLA 99.5% (catalog-defaults §3); OpenSearch Service is sold at 99.9%'),
      param('pricePerHour', 0.2, 'catalog-defaults §6: about $0.2/h per node and up (rule of thumb)'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },

  'third-party-api': {
    kind: 'third-party-api',
    traits: { externalVendor: true, splitByKey: true },
    relief: 'You cannot add capacity to someone else\'s API: cache its answers, or call it through a queue so bursts wait instead of failing.',
    label: 'Third-party API',
    category: 'external',
    keywords: ['external', 'vendor', 'stripe', 'payments', 'twilio', 'sms', 'email', 'maps', 'webhook', 'saas', 'partner'],
    explanation:
      'A third-party API is a service run by another company that your system calls, such as payments, maps, text messages or email delivery. ' +
      'It saves you building hard things yourself, but you inherit its latency, its outages and its rate limits, none of which you control. ' +
      'Calls take hundreds of milliseconds with the occasional very slow one, so keep them off the user\'s critical path where you can and always set timeouts and retries with backoff. ' +
      'Vendors usually charge per call and cap calls per second, which matters most during traffic spikes and retry storms.',
    params: [
      param('serviceMs', 300, 'catalog-defaults §6: about 300 ms per call (rule of thumb)'),
      param('serviceScv', 4, 'catalog-defaults §6: Pareto or lognormal heavy tail; SCV 4 is a rule of thumb'),
      param('instances', 1, 'the vendor runs it; one logical instance', { help: MANAGED_INSTANCE_HELP }),
      param('concurrency', 30, 'vendor limits near 100 req/s (Stripe live mode, catalog-defaults §6); 100 x 300 ms = 30 in flight'),
      param('availability', 0.999, 'rule of thumb: a typical commercial SLA of 99.9% (catalog-defaults §3)'),
      param('pricePerMillion', 1000, 'rule of thumb: about $0.001 per call; vendors differ a lot, so enter your vendor\'s price'),
      param('queueCapacity', 0, SRC.noQueueLimit),
    ],
  },
};
